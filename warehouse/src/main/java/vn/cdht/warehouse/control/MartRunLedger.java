package vn.cdht.warehouse.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Records each mart computation and the snapshots of its inputs in {@code mart_run}. */
public final class MartRunLedger {

    private final ControlDatabase db;

    public MartRunLedger(ControlDatabase db) {
        this.db = db;
    }

    public record MartRun(long id, Long runId, String mart, String status, Instant startedAt, Instant endedAt,
                          Long rows, Long snapshotId, String inputSnapshots, String error) {
    }

    public long start(Long runId, String mart, String inputSnapshots) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO mart_run (run_id, mart, status, started_at, input_snapshots) VALUES (?, ?, 'running', ?, ?) RETURNING mart_run_id")) {
            ControlDatabase.bind(ps, runId, mart, Instant.now(), inputSnapshots);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new ControlDatabaseException("cannot record the mart run: " + e.getMessage(), e);
        }
    }

    public void finish(long martRunId, RunStatus status, Long rows, Long snapshotId, String error) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "UPDATE mart_run SET status = ?, ended_at = ?, rows_out = ?, snapshot_id = ?, error_message = ? WHERE mart_run_id = ?")) {
            ControlDatabase.bind(ps, status.code(), Instant.now(), rows, snapshotId, error, martRunId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new ControlDatabaseException("cannot record the mart run: " + e.getMessage(), e);
        }
    }

    /** The latest successful run of each mart. */
    public List<MartRun> latest() {
        String sql = "SELECT mart_run_id, run_id, mart, status, started_at, ended_at, rows_out, snapshot_id, input_snapshots,"
                + " error_message FROM mart_run m WHERE status = 'succeeded' AND mart_run_id = (SELECT max(mart_run_id)"
                + " FROM mart_run x WHERE x.mart = m.mart AND x.status = 'succeeded') ORDER BY mart";
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<MartRun> out = new ArrayList<>();
            while (rs.next()) {
                long runId = rs.getLong(2);
                Long run = rs.wasNull() ? null : runId;
                out.add(new MartRun(rs.getLong(1), run, rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        rs.getLong(7), rs.getLong(8), rs.getString(9), rs.getString(10)));
            }
            return out;
        } catch (SQLException e) {
            throw new ControlDatabaseException("cannot read the mart runs: " + e.getMessage(), e);
        }
    }
}
