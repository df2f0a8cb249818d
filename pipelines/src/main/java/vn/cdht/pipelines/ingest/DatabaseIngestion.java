package vn.cdht.pipelines.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import vn.cdht.pipelines.source.SourceRow;
import vn.cdht.pipelines.source.files.RawLine;
import vn.cdht.pipelines.spark.SqlModel;
import vn.cdht.warehouse.config.VietnamTime;
import vn.cdht.warehouse.ingest.FileRecord;
import vn.cdht.warehouse.ingest.IngestLedger;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * Reads the operational database incrementally: per table, the rows with updated_at after the last watermark minus a
 * safety overlap ({@code sql/source/<table>.sql}), staged and loaded exactly as an export batch would be. The new
 * watermarks are stored only when the batch has succeeded, so a failed run is simply read again.
 */
public final class DatabaseIngestion {

    static final List<SourceEntity> TABLES = List.of(
            SourceEntity.UNITS, SourceEntity.ACCOUNTS, SourceEntity.SELF_ASSESSMENTS, SourceEntity.RECOGNITIONS);
    private static final DateTimeFormatter BATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final SparkSession spark;
    private final IngestLedger ledger;
    private final StagingArea staging;
    private final Duration overlap;
    private final int fetchSize;
    private final Consumer<String> progress;

    public DatabaseIngestion(SparkSession spark, IngestLedger ledger, StagingArea staging, Duration overlap, int fetchSize,
                             Consumer<String> progress) {
        this.spark = spark;
        this.ledger = ledger;
        this.staging = staging;
        this.overlap = overlap;
        this.fetchSize = fetchSize;
        this.progress = progress;
    }

    public IngestReport run(JdbcSource source) {
        Instant started = Instant.now();
        String batchId = "db-" + BATCH_TIME.format(started);
        String sourceName = source.displayUrl();
        ledger.begin(batchId, "jdbc", sourceName, null);
        staging.delete(batchId);
        try {
            Map<SourceEntity, Instant> newWatermarks = new LinkedHashMap<>();
            Map<String, Long> readByTable = new HashMap<>();
            try (Connection c = DriverManager.getConnection(source.url(), source.user(), source.password())) {
                c.setReadOnly(true);
                c.setAutoCommit(false);
                inVietnamTime(c);
                for (SourceEntity entity : TABLES) {
                    Instant since = ledger.watermark(sourceName, entity.table())
                            .map(w -> w.minus(overlap)).orElse(Instant.EPOCH);
                    Extract extract = extract(c, entity, since, batchId);
                    readByTable.put(entity.table(), extract.rows());
                    extract.watermark().ifPresent(w -> newWatermarks.put(entity, w));
                    progress.accept("read " + extract.rows() + " changed rows of " + entity.table() + " since " + since);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the operational database " + sourceName + ": " + e.getMessage(), e);
            }
            WarehouseLoad.Result result = new WarehouseLoad(spark, staging, progress).load(batchId, started);
            List<FileRecord> files = new ArrayList<>();
            for (SourceEntity entity : TABLES) {
                long read = readByTable.getOrDefault(entity.table(), 0L);
                FileCounts counts = result.files().getOrDefault(entity.table(), new FileCounts(0, 0, 0, 0));
                if (counts.read() != read) {
                    throw new IllegalStateException("internal error: " + read + " rows read from " + entity.table()
                            + " but " + counts.read() + " loaded");
                }
                FileRecord record = new FileRecord(batchId, entity.table(), entity.table(), null, null, "ingested",
                        read, counts.accepted(), counts.quarantined(), counts.superseded(), 0, null, null);
                ledger.recordFile(record);
                files.add(record);
            }
            ledger.finish(batchId, "succeeded", null);
            newWatermarks.forEach((entity, w) -> ledger.setWatermark(sourceName, entity.table(), w));
            staging.delete(batchId);
            IngestReport.Outcome outcome = files.stream().allMatch(f -> f.rowsRead() == 0)
                    ? IngestReport.Outcome.NOTHING_NEW : IngestReport.Outcome.INGESTED;
            return new IngestReport(batchId, "jdbc", sourceName, outcome, files, result.flags(),
                    result.orphanAssessments(), Duration.between(started, Instant.now()), null);
        } catch (RuntimeException e) {
            ledger.finish(batchId, "failed", e.getMessage());
            throw e;
        }
    }

    private record Extract(long rows, Optional<Instant> watermark) {
    }

    /** The source queries print times in the session's zone: the export's, Vietnam time. */
    private static void inVietnamTime(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('TimeZone', ?, false)")) {
            ps.setString(1, VietnamTime.ZONE.getId());
            ps.execute();
        }
    }

    private Extract extract(Connection c, SourceEntity entity, Instant since, String batchId) throws SQLException {
        List<String> fields = entity.fieldNames();
        long rows = 0;
        Instant max = null;
        try (PreparedStatement ps = c.prepareStatement(SqlModel.load("source", entity.table()).select());
             StagingArea.Writer out = staging.open(batchId, entity, entity.table())) {
            ps.setFetchSize(fetchSize);
            ps.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> values = new LinkedHashMap<>();
                    List<String> cells = new ArrayList<>(fields.size());
                    for (String f : fields) {
                        String v = rs.getString(f);
                        values.put(f, v == null || v.isBlank() ? null : v.strip());
                        cells.add(v);
                    }
                    out.accept(new SourceRow(++rows, values, RawLine.of(cells)));
                    Instant w = rs.getTimestamp("watermark").toInstant();
                    if (max == null || w.isAfter(max)) {
                        max = w;
                    }
                }
            }
            c.commit();
        }
        return new Extract(rows, Optional.ofNullable(max));
    }

}
