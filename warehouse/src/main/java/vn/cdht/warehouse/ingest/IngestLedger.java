package vn.cdht.warehouse.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.control.ControlDatabaseException;

/** The ingestion ledger of the control database: batches, files with checksums, watermarks. */
public final class IngestLedger {

    private static final String BATCH_COLUMNS = "batch_id, source, location, checksum, status, files, rows_read, rows_accepted,"
            + " rows_quarantined, rows_superseded, received_at, started_at, ended_at, message";
    private static final String FILE_COLUMNS = "batch_id, file_name, entity, sha256, size_bytes, status, rows_read, rows_accepted,"
            + " rows_quarantined, rows_superseded, trailer_rows, unknown_columns, message";

    private final ControlDatabase db;

    public IngestLedger(ControlDatabase db) {
        this.db = db;
    }

    public Optional<BatchRecord> batch(String batchId) {
        List<BatchRecord> found = batches("SELECT " + BATCH_COLUMNS + " FROM ingest_batch WHERE batch_id = ?", batchId);
        return found.stream().findFirst();
    }

    public List<BatchRecord> batches() {
        return batches("SELECT " + BATCH_COLUMNS + " FROM ingest_batch ORDER BY started_at, batch_id");
    }

    /** The batch that already ingested a file with these bytes, other than {@code exceptBatch}. */
    public Optional<String> batchThatIngested(String sha256, String exceptBatch) {
        String sql = "SELECT f.batch_id FROM ingest_file f JOIN ingest_batch b ON b.batch_id = f.batch_id"
                + " WHERE f.sha256 = ? AND f.status = 'ingested' AND b.status = 'succeeded' AND f.batch_id <> ?"
                + " ORDER BY b.started_at";
        return query(sql, rs -> rs.getString(1), sha256, exceptBatch).stream().findFirst();
    }

    /** Starts (or restarts) a batch; a restarted batch keeps its first received_at. */
    public BatchRecord begin(String batchId, String source, String location, String checksum) {
        Instant now = Instant.now();
        Optional<BatchRecord> existing = batch(batchId);
        if (existing.isPresent()) {
            update("UPDATE ingest_batch SET status = 'running', started_at = ?, ended_at = NULL, message = NULL WHERE batch_id = ?",
                    now, batchId);
        } else {
            update("INSERT INTO ingest_batch (batch_id, source, location, checksum, status, received_at, started_at)"
                    + " VALUES (?, ?, ?, ?, 'running', ?, ?)", batchId, source, location, checksum, now, now);
        }
        return batch(batchId).orElseThrow();
    }

    public void recordFile(FileRecord f) {
        inTransaction(c -> {
            execute(c, "DELETE FROM ingest_file WHERE batch_id = ? AND file_name = ?", f.batchId(), f.fileName());
            execute(c, "INSERT INTO ingest_file (" + FILE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    f.batchId(), f.fileName(), f.entity(), f.sha256(), f.sizeBytes(), f.status(), f.rowsRead(),
                    f.rowsAccepted(), f.rowsQuarantined(), f.rowsSuperseded(), f.trailerRows(), f.unknownColumns(), f.message());
        });
    }

    public List<FileRecord> files(String batchId) {
        return query("SELECT " + FILE_COLUMNS + " FROM ingest_file WHERE batch_id = ? ORDER BY file_name",
                rs -> new FileRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        longOrNull(rs, 5), rs.getString(6), rs.getLong(7),
                        rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getString(12), rs.getString(13)),
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
        update("UPDATE ingest_batch SET status = ?, files = ?, rows_read = ?, rows_accepted = ?, rows_quarantined = ?,"
                        + " rows_superseded = ?, ended_at = ?, message = ? WHERE batch_id = ?",
                status, files.size(), read, accepted, quarantined, superseded, Instant.now(), message, batchId);
    }

    public Optional<Instant> watermark(String sourceName, String entity) {
        return query("SELECT watermark FROM source_watermark WHERE source_name = ? AND entity = ?",
                rs -> rs.getTimestamp(1).toInstant(), sourceName, entity).stream().findFirst();
    }

    public void setWatermark(String sourceName, String entity, Instant watermark) {
        inTransaction(c -> {
            execute(c, "DELETE FROM source_watermark WHERE source_name = ? AND entity = ?", sourceName, entity);
            execute(c, "INSERT INTO source_watermark (source_name, entity, watermark, updated_at) VALUES (?, ?, ?, ?)",
                    sourceName, entity, watermark, Instant.now());
        });
    }

    private List<BatchRecord> batches(String sql, Object... args) {
        return query(sql, rs -> new BatchRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), intOrNull(rs, 6), longOrNull(rs, 7), longOrNull(rs, 8), longOrNull(rs, 9),
                longOrNull(rs, 10), instant(rs, 11), instant(rs, 12), instant(rs, 13), rs.getString(14)), args);
    }

    private static Integer intOrNull(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }

    private static Long longOrNull(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant();
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ControlDatabase.bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new ControlDatabaseException("cannot read the ingestion ledger: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... args) {
        inTransaction(c -> execute(c, sql, args));
    }

    private void inTransaction(Work work) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new ControlDatabaseException("cannot write the ingestion ledger: " + e.getMessage(), e);
        }
    }

    private static void execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ControlDatabase.bind(ps, args);
            ps.executeUpdate();
        }
    }

}
