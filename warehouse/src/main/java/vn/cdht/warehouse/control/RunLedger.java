package vn.cdht.warehouse.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Records pipeline runs and their stages in {@code pipeline_run} and {@code stage_run}. */
public final class RunLedger {

    private final ControlDatabase db;
    private final ControlStatements statements;

    public RunLedger(ControlDatabase db) {
        this.db = db;
        this.statements = new ControlStatements(db, "the run ledger");
    }

    public long startRun(String command, String period) {
        return insertReturningId(
                "INSERT INTO pipeline_run (command, period, status, started_at, host) VALUES (?, ?, 'running', ?, ?) RETURNING run_id",
                command, period, now(), ControlStatements.host());
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

    /** A recorded run. */
    public record RunRecord(long id, String command, String period, String status, Instant startedAt, Instant endedAt,
                            String host, String error) {
    }

    /** A recorded stage of a run. */
    public record StageRecord(long id, long runId, String stage, String status, Instant startedAt, Instant endedAt,
                              Long rowsOut, String snapshotIds, String error) {
    }

    private static final String RUN_COLUMNS = "run_id, command, period, status, started_at, ended_at, host, error_message";

    /** The latest runs of {@code command} (every command when NULL), newest first. */
    public List<RunRecord> runs(String command, int limit) {
        String sql = "SELECT " + RUN_COLUMNS + " FROM pipeline_run"
                + (command == null ? "" : " WHERE command = ?") + " ORDER BY run_id DESC LIMIT ?";
        Object[] args = command == null ? new Object[] {limit} : new Object[] {command, limit};
        return statements.query(sql, RunLedger::run, args);
    }

    public Optional<RunRecord> run(long runId) {
        return statements.query("SELECT " + RUN_COLUMNS + " FROM pipeline_run WHERE run_id = ?", RunLedger::run, runId)
                .stream().findFirst();
    }

    private static RunRecord run(ResultSet rs) throws SQLException {
        return new RunRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                ControlStatements.instant(rs, 5), ControlStatements.instant(rs, 6), rs.getString(7), rs.getString(8));
    }

    public List<StageRecord> stages(long runId) {
        return statements.query("SELECT stage_run_id, run_id, stage, status, started_at, ended_at, rows_out, snapshot_ids,"
                        + " error_message FROM stage_run WHERE run_id = ? ORDER BY stage_run_id",
                rs -> new StageRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        ControlStatements.instant(rs, 5), ControlStatements.instant(rs, 6),
                        ControlStatements.longOrNull(rs, 7), rs.getString(8), rs.getString(9)),
                runId);
    }

    /** Marks a run, and its stages, that were left running by a process that died as failed. */
    public void abandon(long runId, String why) {
        Instant now = now();
        statements.inTransaction(c -> {
            ControlStatements.execute(c, "UPDATE stage_run SET status = 'failed', ended_at = ?, error_message = ?"
                    + " WHERE run_id = ? AND status = 'running'", now, why, runId);
            ControlStatements.execute(c, "UPDATE pipeline_run SET status = 'failed', ended_at = ?, error_message = ?"
                    + " WHERE run_id = ? AND status = 'running'", now, why, runId);
        });
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

}
