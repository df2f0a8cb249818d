package vn.cdht.warehouse.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Records pipeline runs and their stages in {@code pipeline_run} and {@code stage_run}. */
public final class RunLedger {

    private final ControlDatabase db;

    public RunLedger(ControlDatabase db) {
        this.db = db;
    }

    public long startRun(String command, String period) {
        return insertReturningId(
                "INSERT INTO pipeline_run (command, period, status, started_at, host) VALUES (?, ?, 'running', ?, ?) RETURNING run_id",
                command, period, now(), host());
    }

    public void finishRun(long runId, RunStatus status, String error) {
        update("UPDATE pipeline_run SET status = ?, ended_at = ?, error_message = ? WHERE run_id = ?",
                status.code(), now(), error, runId);
    }

    public long startStage(long runId, String stage) {
        return insertReturningId(
                "INSERT INTO stage_run (run_id, stage, status, started_at) VALUES (?, ?, 'running', ?) RETURNING stage_run_id",
                runId, stage, now());
    }

    public void finishStage(long stageRunId, RunStatus status, Long rowsOut, String snapshotIds, String error) {
        update("UPDATE stage_run SET status = ?, ended_at = ?, rows_out = ?, snapshot_ids = ?, error_message = ? WHERE stage_run_id = ?",
                status.code(), now(), rowsOut, snapshotIds, error, stageRunId);
    }

    private long insertReturningId(String sql, Object... args) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ControlDatabase.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new ControlDatabaseException("cannot record in the control database: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ControlDatabase.bind(ps, args);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new ControlDatabaseException("cannot record in the control database: " + e.getMessage(), e);
        }
    }


    private static Instant now() {
        return Instant.now();
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown";
        }
    }
}
