package vn.cdht.warehouse.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same expectations of the control database on every dialect. */
abstract class ControlDatabaseContract {

    abstract ControlDatabase database();

    @Test
    void migratesFromEmptyThenHasNothingLeftToApply() {
        ControlDatabase db = database();
        assertTrue(db.migrate() >= 1);
        assertEquals(0, db.migrate());
        List<AppliedMigration> info = db.info();
        assertEquals("1", info.get(0).version());
        assertTrue(info.stream().allMatch(m -> m.state().equals("Success")), info.toString());
        assertEquals(info.get(info.size() - 1).version(), db.version().orElseThrow());
    }

    @Test
    void recordsARunAndItsStages() throws Exception {
        ControlDatabase db = database();
        db.migrate();
        RunLedger ledger = new RunLedger(db);
        long run = ledger.startRun("reference load", "2026-11");
        long stage = ledger.startStage(run, "reference");
        ledger.finishStage(stage, RunStatus.SUCCEEDED, 42L, "ref.x=1", null);
        ledger.finishRun(run, RunStatus.SUCCEEDED, null);
        long failed = ledger.startRun("demo", null);
        ledger.finishRun(failed, RunStatus.FAILED, "boom");
        assertTrue(failed > run);

        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT r.status, r.ended_at, s.stage, s.rows_out, s.snapshot_ids, s.status "
                             + "FROM pipeline_run r JOIN stage_run s ON s.run_id = r.run_id WHERE r.run_id = ?")) {
            ps.setLong(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("succeeded", rs.getString(1));
                assertNotNull(rs.getTimestamp(2));
                assertEquals("reference", rs.getString(3));
                assertEquals(42L, rs.getLong(4));
                assertEquals("ref.x=1", rs.getString(5));
                assertEquals("succeeded", rs.getString(6));
            }
        }
    }
}
