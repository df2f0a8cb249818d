package vn.cdht.warehouse.ingest;

import static vn.cdht.warehouse.control.ControlStatements.execute;
import static vn.cdht.warehouse.control.ControlStatements.instant;
import static vn.cdht.warehouse.control.ControlStatements.intOrNull;
import static vn.cdht.warehouse.control.ControlStatements.longOrNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.control.ControlStatements;
import vn.cdht.warehouse.control.RunLock;

/** The ingestion ledger of the control database: batches, files with checksums, watermarks. */
public final class IngestLedger {

    private static final String BATCH_COLUMNS = "batch_id, source, location, checksum, status, files, rows_read, rows_accepted,"
            + " rows_quarantined, rows_superseded, received_at, started_at, ended_at, message, holder";
    private static final String FILE_COLUMNS = "batch_id, file_name, entity, sha256, size_bytes, status, rows_read, rows_accepted,"
            + " rows_quarantined, rows_superseded, trailer_rows, unknown_columns, message, encoding, tcvn3_cells, vni_cells";

    private final ControlStatements sql;

    public IngestLedger(ControlDatabase db) {
        this.sql = new ControlStatements(db, "the ingestion ledger");
    }

    public Optional<BatchRecord> batch(String batchId) {
        List<BatchRecord> found = batches("SELECT " + BATCH_COLUMNS + " FROM ingest_batch WHERE batch_id = ?", batchId);
        return found.stream().findFirst();
    }

    public List<BatchRecord> batches() {
        return batches("SELECT " + BATCH_COLUMNS + " FROM ingest_batch ORDER BY started_at, batch_id");
    }

    /**
     * The batch ingested from {@code location} when it had this {@link InboxStamp stamp}, if that batch succeeded: the
     * same files, recognised without reading them.
     */
    public Optional<String> stampedBatch(String location, String stamp) {
        return sql.query("SELECT s.batch_id FROM inbox_stamp s JOIN ingest_batch b ON b.batch_id = s.batch_id"
                        + " WHERE s.location = ? AND s.stamp = ? AND b.status = 'succeeded'",
                rs -> rs.getString(1), location, stamp).stream().findFirst();
    }

    /** Records that {@code location}, stamped so, holds batch {@code batchId}. */
    public void stamp(String location, String stamp, String batchId) {
        sql.update("DELETE FROM inbox_stamp WHERE location = ?", location);
        sql.update("INSERT INTO inbox_stamp (location, stamp, batch_id, recorded_at) VALUES (?, ?, ?, ?)", location, stamp,
                batchId, Instant.now());
    }

    /** The batch that already ingested a file with these bytes, other than {@code exceptBatch}. */
    public Optional<String> batchThatIngested(String sha256, String exceptBatch) {
        String query = "SELECT f.batch_id FROM ingest_file f JOIN ingest_batch b ON b.batch_id = f.batch_id"
                + " WHERE f.sha256 = ? AND f.status = 'ingested' AND b.status = 'succeeded' AND f.batch_id <> ?"
                + " ORDER BY b.started_at";
        return sql.query(query, rs -> rs.getString(1), sha256, exceptBatch).stream().findFirst();
    }

    /**
     * Starts (or restarts) a batch, held by this process ({@code host:pid}); a restarted batch keeps its first
     * received_at.
     */
    public BatchRecord begin(String batchId, String source, String location, String checksum) {
        Instant now = Instant.now();
        String holder = RunLock.currentProcess();
        Optional<BatchRecord> existing = batch(batchId);
        if (existing.isPresent()) {
            sql.update("UPDATE ingest_batch SET status = 'running', started_at = ?, ended_at = NULL, message = NULL, holder = ?"
                    + " WHERE batch_id = ?", now, holder, batchId);
        } else {
            sql.update("INSERT INTO ingest_batch (batch_id, source, location, checksum, status, received_at, started_at, holder)"
                    + " VALUES (?, ?, ?, ?, 'running', ?, ?, ?)", batchId, source, location, checksum, now, now, holder);
        }
        return batch(batchId).orElseThrow();
    }

    /**
     * Marks failed every batch left 'running' by a process that is gone: on this host with no such pid, or any holder
     * at all when {@code anyHolder} (the caller holds the writer lock, so nobody else can be ingesting). Returns their
     * ids, whose staging the caller removes. Re-running such a batch completes it.
     */
    public List<String> failAbandoned(boolean anyHolder) {
        List<String> failed = new java.util.ArrayList<>();
        for (BatchRecord b : batches("SELECT " + BATCH_COLUMNS + " FROM ingest_batch WHERE status = 'running' ORDER BY started_at")) {
            if (anyHolder || b.holder() == null || RunLock.processGone(b.holder())) {
                int n = sql.update("UPDATE ingest_batch SET status = 'failed', ended_at = ?, message = ? WHERE batch_id = ?"
                                + " AND status = 'running'", Instant.now(),
                        "the process ingesting it (" + (b.holder() == null ? "unknown" : b.holder())
                                + ") stopped before the end; ingest the same batch again to complete it", b.batchId());
                if (n == 1) {
                    failed.add(b.batchId());
                }
            }
        }
        return failed;
    }

    public void recordFile(FileRecord f) {
        sql.inTransaction(c -> {
            execute(c, "DELETE FROM ingest_file WHERE batch_id = ? AND file_name = ?", f.batchId(), f.fileName());
            execute(c, "INSERT INTO ingest_file (" + FILE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    f.batchId(), f.fileName(), f.entity(), f.sha256(), f.sizeBytes(), f.status(), f.rowsRead(),
                    f.rowsAccepted(), f.rowsQuarantined(), f.rowsSuperseded(), f.trailerRows(), f.unknownColumns(), f.message(),
                    f.encoding(), f.tcvn3Cells(), f.vniCells());
        });
    }

    public List<FileRecord> files(String batchId) {
        return sql.query("SELECT " + FILE_COLUMNS + " FROM ingest_file WHERE batch_id = ? ORDER BY file_name",
                rs -> new FileRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        longOrNull(rs, 5), rs.getString(6), rs.getLong(7),
                        rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getString(12), rs.getString(13),
                        rs.getString(14), rs.getLong(15), rs.getLong(16)),
                batchId);
    }

    /** Ends a batch with its totals, summed from its files. */
    public void finish(String batchId, String status, String message) {
        List<FileRecord> files = files(batchId);
        long read = 0;
        long accepted = 0;
        long quarantined = 0;
        long superseded = 0;
        for (FileRecord f : files) {
            read += f.rowsRead();
            accepted += f.rowsAccepted();
            quarantined += f.rowsQuarantined();
            superseded += f.rowsSuperseded();
        }
        sql.update("UPDATE ingest_batch SET status = ?, files = ?, rows_read = ?, rows_accepted = ?, rows_quarantined = ?,"
                        + " rows_superseded = ?, ended_at = ?, message = ? WHERE batch_id = ?",
                status, files.size(), read, accepted, quarantined, superseded, Instant.now(), message, batchId);
    }

    public Optional<Instant> watermark(String sourceName, String entity) {
        return sql.query("SELECT watermark FROM source_watermark WHERE source_name = ? AND entity = ?",
                rs -> rs.getTimestamp(1).toInstant(), sourceName, entity).stream().findFirst();
    }

    public void setWatermark(String sourceName, String entity, Instant watermark) {
        sql.inTransaction(c -> {
            execute(c, "DELETE FROM source_watermark WHERE source_name = ? AND entity = ?", sourceName, entity);
            execute(c, "INSERT INTO source_watermark (source_name, entity, watermark, updated_at) VALUES (?, ?, ?, ?)",
                    sourceName, entity, watermark, Instant.now());
        });
    }

    private List<BatchRecord> batches(String query, Object... args) {
        return sql.query(query, rs -> new BatchRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), intOrNull(rs, 6), longOrNull(rs, 7), longOrNull(rs, 8), longOrNull(rs, 9),
                longOrNull(rs, 10), instant(rs, 11), instant(rs, 12), instant(rs, 13), rs.getString(14), rs.getString(15)), args);
    }
}
