package vn.cdht.pipelines.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import vn.cdht.pipelines.source.files.BatchFiles;
import vn.cdht.pipelines.source.files.InboxStamp;
import vn.cdht.pipelines.source.files.ExtractionLimits;
import vn.cdht.pipelines.source.files.FileReadReport;
import vn.cdht.pipelines.source.files.SourceFile;
import vn.cdht.pipelines.source.files.SourceFileException;
import vn.cdht.pipelines.source.files.SourceFileReader;
import vn.cdht.warehouse.config.VietnamTime;
import vn.cdht.warehouse.ingest.BatchRecord;
import vn.cdht.warehouse.ingest.FileRecord;
import vn.cdht.warehouse.ingest.IngestLedger;
import vn.cdht.warehouse.io.NoSpace;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * Ingests one export batch (a folder or a .zip). Its id comes from the checksum of its files, so the same batch
 * delivered twice is recognised and changes nothing, and a batch that failed half-way is completed by running it
 * again. A file whose bytes were already ingested in another batch is skipped; a file that cannot be read is
 * rejected with a one-line message and the rest of the batch goes on.
 */
public final class BatchIngestion {

    private final SparkSession spark;
    private final IngestLedger ledger;
    private final StagingArea staging;
    private final Consumer<String> progress;
    private final ExtractionLimits limits;

    /** With the default {@link ExtractionLimits}. */
    public BatchIngestion(SparkSession spark, IngestLedger ledger, StagingArea staging, Consumer<String> progress) {
        this(spark, ledger, staging, progress, ExtractionLimits.DEFAULTS);
    }

    public BatchIngestion(SparkSession spark, IngestLedger ledger, StagingArea staging, Consumer<String> progress,
                          ExtractionLimits limits) {
        this.spark = spark;
        this.ledger = ledger;
        this.staging = staging;
        this.progress = progress;
        this.limits = limits;
    }

    private IngestReport alreadyIngested(String batchId, String location, Instant started, BatchRecord previous) {
        return alreadyIngested(ledger, batchId, location, started, previous);
    }

    private static IngestReport alreadyIngested(IngestLedger ledger, String batchId, String location, Instant started,
                                                BatchRecord previous) {
        return new IngestReport(batchId, "files", location, IngestReport.Outcome.ALREADY_INGESTED,
                ledger.files(batchId), Map.of(), 0, Duration.between(started, Instant.now()),
                "this batch (same files, same checksums) was already ingested on "
                        + VietnamTime.format(previous.endedAt()) + " (Vietnam time)");
    }

    /**
     * Ingests a batch folder or zip. A zip is extracted into {@code unzip-<random>} in the staging folder (in the
     * system temporary folder when staging is shared storage such as s3a://), deleted when the batch ends or fails.
     */
    /**
     * The batch at {@code batchPath} when its files have the names, sizes and times recorded when it was ingested: that
     * batch, recognised without reading its files (nor starting Spark); empty when it must be read.
     */
    public static Optional<IngestReport> recognised(Path batchPath, IngestLedger ledger) {
        Instant started = Instant.now();
        String location = batchPath.toAbsolutePath().normalize().toString();
        String stamp = InboxStamp.of(batchPath);
        Optional<String> stamped = stamp == null ? Optional.empty() : ledger.stampedBatch(location, stamp);
        return stamped.map(id -> alreadyIngested(ledger, id, location, started, ledger.batch(id).orElseThrow()));
    }

    public IngestReport run(Path batchPath) {
        Optional<IngestReport> recognised = recognised(batchPath, ledger);
        if (recognised.isPresent()) {
            return recognised.get();
        }
        Instant started = Instant.now();
        String location = batchPath.toAbsolutePath().normalize().toString();
        String stamp = InboxStamp.of(batchPath);
        try (BatchFiles batch = BatchFiles.open(batchPath, limits, staging.localFolder().orElse(null))) {
            String batchId = "f-" + batch.checksum().substring(0, 16);
            Optional<BatchRecord> previous = ledger.batch(batchId);
            if (previous.isPresent() && "succeeded".equals(previous.get().status())) {
                if (stamp != null) {
                    ledger.stamp(location, stamp, batchId);
                }
                return alreadyIngested(batchId, location, started, previous.get());
            }
            BatchRecord record = ledger.begin(batchId, "files", location, batch.checksum());
            staging.delete(batchId);
            try {
                IngestReport report = ingest(batch, batchId, location, record.receivedAt(), started);
                if (stamp != null && report.outcome() == IngestReport.Outcome.INGESTED) {
                    ledger.stamp(location, stamp, batchId);
                }
                return report;
            } catch (RuntimeException | Error e) {
                throw failed(batchId, e);
            }
        }
    }

    /**
     * Ends a batch that could not finish: its staging (rows in clear) removed first, which also frees the space a full
     * disk needs to record the failure; then the batch marked failed. Returns what to throw, in one line.
     */
    private RuntimeException failed(String batchId, Throwable e) {
        try {
            staging.delete(batchId);
        } catch (RuntimeException ignored) {
            // the next command that takes the home's lock empties the staging folder
        }
        RuntimeException thrown;
        if (NoSpace.causedBy(e)) {
            thrown = new IllegalStateException(NoSpace.message(staging.base() + " or the warehouse",
                    "ingesting batch " + batchId), e);
        } else if (e instanceof OutOfMemoryError) {
            thrown = new IllegalStateException("out of memory while ingesting batch " + batchId
                    + "; give cdht more memory (CDHT_JAVA_OPTS=-Xmx8g ./cdht …) and run again", e);
        } else if (e instanceof RuntimeException r) {
            thrown = r;
        } else {
            throw (Error) e;
        }
        try {
            ledger.finish(batchId, "failed", thrown.getMessage());
        } catch (RuntimeException notRecorded) {
            thrown.addSuppressed(notRecorded);
        }
        return thrown;
    }

    private IngestReport ingest(BatchFiles batch, String batchId, String location, Instant receivedAt, Instant started) {
        Map<String, FileReadReport> read = new LinkedHashMap<>();
        Map<String, SourceFile> sources = new LinkedHashMap<>();
        List<FileRecord> records = new ArrayList<>();
        int rejected = 0;
        for (SourceFile file : batch.files()) {
            if (!file.matched()) {
                records.add(record(batchId, file, null, "ignored", file.ignoredReason().orElse("not an export file")));
                continue;
            }
            SourceEntity entity = file.requireEntity();
            Optional<String> earlier = ledger.batchThatIngested(file.sha256(), batchId);
            if (earlier.isPresent()) {
                records.add(record(batchId, file, entity, "duplicate",
                        file.name() + ": the same bytes were already ingested in batch " + earlier.get()));
                continue;
            }
            progress.accept("reading " + file.name());
            StagingArea.Writer writer = staging.open(batchId, entity, file.name());
            try {
                FileReadReport report = SourceFileReader.read(file, writer, limits);
                writer.close();
                read.put(file.name(), report);
                sources.put(file.name(), file);
            } catch (SourceFileException e) {
                writer.discard();
                rejected++;
                progress.accept("rejected " + e.getMessage());
                records.add(record(batchId, file, entity, "rejected", e.getMessage()));
            } catch (RuntimeException | Error e) {
                writer.abandon();
                throw e;
            }
        }
        WarehouseLoad.Result result = new WarehouseLoad(spark, staging, progress).load(batchId, receivedAt);
        for (Map.Entry<String, FileReadReport> e : read.entrySet()) {
            FileReadReport r = e.getValue();
            FileCounts counts = result.files().getOrDefault(e.getKey(), new FileCounts(0, 0, 0, 0));
            if (counts.read() != r.rowsRead()) {
                throw new IllegalStateException("internal error: " + r.rowsRead() + " rows read from " + e.getKey()
                        + " but " + counts.read() + " loaded");
            }
            SourceFile file = sources.get(e.getKey());
            records.add(new FileRecord(batchId, file.name(), r.entity().table(), file.sha256(), file.size(), "ingested",
                    counts.read(), counts.accepted(), counts.quarantined(), counts.superseded(), r.trailerRowsSkipped(),
                    r.unknownColumns().isEmpty() ? null : String.join(", ", r.unknownColumns()), null, r.encoding(),
                    r.legacyFontCells().tcvn3(), r.legacyFontCells().vni()));
        }
        records.forEach(ledger::recordFile);
        String message = rejected == 0 ? null : rejected + " file(s) rejected";
        ledger.finish(batchId, "succeeded", message);
        staging.delete(batchId);
        return new IngestReport(batchId, "files", location, IngestReport.Outcome.INGESTED, ledger.files(batchId),
                result.flags(), result.orphanAssessments(), Duration.between(started, Instant.now()), message);
    }

    private static FileRecord record(String batchId, SourceFile file, SourceEntity entity, String status, String message) {
        return new FileRecord(batchId, file.name(), entity == null ? null : entity.table(), file.sha256(), file.size(),
                status, 0, 0, 0, 0, 0, null, message);
    }
}
