package vn.cdht.orchestration.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import vn.cdht.orchestration.app.Installation;
import vn.cdht.pipelines.ingest.BatchIngestion;
import vn.cdht.pipelines.ingest.DatabaseIngestion;
import vn.cdht.pipelines.ingest.IngestReport;
import vn.cdht.pipelines.ingest.JdbcSource;
import vn.cdht.pipelines.source.files.ExtractionLimits;
import vn.cdht.pipelines.source.files.SourceFileException;
import vn.cdht.warehouse.config.ConfigException;

/**
 * The ingest stage: every batch (folder or .zip) directly in the inbox ({@code ingest.inbox}), in name order, and the
 * operational database when {@code ingest.jdbc.url} is set. A batch refused whole, or a file of it rejected, does not
 * keep the rest out: the stage goes on and says so in its result.
 */
public final class IngestStage {

    /**
     * @param reports one per batch of the inbox (ingested now, or recognised as ingested before) and per database read
     * @param rejections one line per file (or batch) refused whole, naming it and the problem
     */
    public record Result(List<IngestReport> reports, List<String> rejections) {

        /** The batches ingested by this run. */
        public List<IngestReport> ingested() {
            return reports.stream().filter(r -> r.outcome() == IngestReport.Outcome.INGESTED).toList();
        }

        public long rowsAccepted() {
            return ingested().stream().mapToLong(IngestReport::rowsAccepted).sum();
        }
    }

    private final Installation app;

    public IngestStage(Installation app) {
        this.app = app;
    }

    public Result run() {
        List<IngestReport> reports = new ArrayList<>();
        List<String> rejections = new ArrayList<>();
        for (Path batch : batchesIn(inbox())) {
            IngestReport report;
            try {
                // a batch recognised by its stamp needs neither its files read nor Spark started
                report = BatchIngestion.recognised(batch, app.ingestLedger()).orElseGet(() -> batch(batch));
            } catch (SourceFileException refused) {
                app.progress("batch " + batch.getFileName() + " refused, nothing of it ingested: " + refused.getMessage());
                rejections.add(refused.getMessage());
                continue;
            }
            reports.add(report);
            if (report.outcome() != IngestReport.Outcome.INGESTED && !report.rejectedFiles().isEmpty()) {
                app.progress("batch " + report.batchId() + " (" + batch.getFileName() + ") was ingested before, but "
                        + report.rejectedFiles().size() + " of its files were rejected: deliver them corrected as a new"
                        + " batch, then move this one out of the inbox");
            }
            // a rejection stands as long as its batch is in the inbox, so that a retried or nightly run still says so
            report.rejectedFiles().forEach(f -> rejections.add(f.message()));
        }
        String url = app.config().get("ingest.jdbc.url", "");
        if (!url.isBlank()) {
            String passwordEnv = app.config().get("ingest.jdbc.password-env", "");
            String password = passwordEnv.isBlank() ? null : app.env().get(passwordEnv);
            if (!passwordEnv.isBlank() && password == null) {
                throw new ConfigException("the environment variable " + passwordEnv + " (ingest.jdbc.password-env) is not set");
            }
            reports.add(database(new JdbcSource(url, app.config().get("ingest.jdbc.user", null), password)));
        }
        // nothing read: the rules and geography still go in when they changed, as a batch would have loaded them
        app.ensureReference();
        return new Result(List.copyOf(reports), List.copyOf(rejections));
    }

    /** One export batch (a folder or a .zip); a batch refused whole throws {@link SourceFileException}. */
    public IngestReport batch(Path batch) {
        return new BatchIngestion(app.ingestionSpark(), app.ingestLedger(), app.staging(), app::progress,
                ExtractionLimits.from(app.config())).run(batch);
    }

    /** What changed in the operational database since the last read (with {@code ingest.jdbc.overlap-minutes}). */
    public IngestReport database(JdbcSource source) {
        return new DatabaseIngestion(app.ingestionSpark(), app.ingestLedger(), app.staging(),
                Duration.ofMinutes(app.config().requireInt("ingest.jdbc.overlap-minutes")),
                app.config().requireInt("ingest.jdbc.fetch-size"), app::progress)
                .run(source);
    }

    /** Where the export batches arrive: {@code ingest.inbox}, by default {@code <home>/inbox}. */
    public Path inbox() {
        return Path.of(app.config().get("ingest.inbox", app.config().home().resolve("inbox").toString()));
    }

    /** The folders and .zip files directly in the inbox, in name order. */
    private static List<Path> batchesIn(Path inbox) {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(inbox)) {
            return entries.filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".zip")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the inbox " + inbox + ": " + e.getMessage(), e);
        }
    }
}
