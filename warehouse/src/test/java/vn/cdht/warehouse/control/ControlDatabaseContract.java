package vn.cdht.warehouse.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cdht.warehouse.config.ConfigException;
import vn.cdht.warehouse.ingest.FileRecord;
import vn.cdht.warehouse.ingest.IngestLedger;
import vn.cdht.warehouse.privacy.KeyFingerprint;
import vn.cdht.warehouse.privacy.PseudonymKeyRegistry;
import vn.cdht.warehouse.privacy.PseudonymSecret;

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

    @Test
    void recordsEachFilesTextEncodingAndTheCellsConvertedFromALegacyFont() {
        ControlDatabase db = database();
        db.migrate();
        IngestLedger ledger = new IngestLedger(db);
        ledger.begin("f-enc", "files", "/inbox/b", "abc");
        ledger.recordFile(new FileRecord("f-enc", "a/tai_khoan.csv", "accounts", "00", 10L, "ingested", 3, 3, 0, 0, 0,
                null, null, "Windows-1258", 0, 0));
        ledger.recordFile(new FileRecord("f-enc", "b/tai_khoan.xlsx", "accounts", "01", 10L, "ingested", 3, 3, 0, 0, 0,
                null, null, "XLSX (Unicode)", 120, 1));
        ledger.recordFile(new FileRecord("f-enc", "c/ghi_chu.txt", null, "02", 1L, "ignored", 0, 0, 0, 0, 0, null,
                "not an export file"));
        ledger.finish("f-enc", "succeeded", null);
        List<FileRecord> files = ledger.files("f-enc");
        assertEquals(List.of("Windows-1258", "XLSX (Unicode); TCVN3 font: 120 cells converted; VNI font: 1 cell converted",
                ""), files.stream().map(FileRecord::encodingNote).toList());
        assertEquals(List.of(120L, 1L), List.of(files.get(1).tcvn3Cells(), files.get(1).vniCells()));
        assertEquals(null, files.get(2).encoding());
    }

    @Test
    void recordsTheFingerprintOfThePseudonymSecretAndRefusesAnotherUntilARotationCompletes() throws Exception {
        ControlDatabase db = database();
        db.migrate();
        PseudonymKeyRegistry registry = new PseudonymKeyRegistry(db);
        PseudonymSecret a = secret("the first secret, 16 bytes or more");
        PseudonymSecret b = secret("the second secret, 16 bytes or more");
        KeyFingerprint fa = KeyFingerprint.of(a);
        KeyFingerprint fb = KeyFingerprint.of(b);

        assertTrue(registry.verifyOrRecord(a, "here"), "recorded on first use");
        assertFalse(registry.verifyOrRecord(a, "here"), "verified afterwards");
        assertEquals(fa, registry.current().orElseThrow().fingerprint());
        assertFalse(fa.hex().equals(HexFormat.of().formatHex(a.key())), "the fingerprint is not the secret");
        ConfigException other = assertThrows(ConfigException.class, () -> registry.verifyOrRecord(b, "the file F"));
        assertTrue(other.getMessage().matches("the pseudonymisation secret differs from the one this warehouse was built with"
                + " \\(fingerprint " + fa.shortForm() + " recorded \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d Vietnam time, now "
                + fb.shortForm() + "\\): every citizen would get a second key\\. Restore the original secret \\(the file F\\),"
                + " or rotate on purpose with 'cdht rotate-key'"), other.getMessage());
        assertThrows(SQLException.class, () -> insertCurrent(db, fb), "at most one current secret");

        registry.beginRotation(fb);
        registry.beginRotation(fb); // again, after a rotation that stopped
        assertTrue(assertThrows(ConfigException.class, () -> registry.verifyOrRecord(a, "here")).getMessage()
                .contains("a rotation of the pseudonymisation secret to fingerprint " + fb.shortForm()), "refused while rotating");
        assertThrows(ConfigException.class, () -> registry.beginRotation(KeyFingerprint.of(secret("a third secret of 16 bytes"))));
        registry.completeRotation(fb);

        assertFalse(registry.verifyOrRecord(b, "here"));
        assertTrue(assertThrows(ConfigException.class, () -> registry.verifyOrRecord(a, "here")).getMessage()
                .contains("(fingerprint " + fa.shortForm() + ") was retired on "));
        assertThrows(ConfigException.class, () -> registry.beginRotation(fa), "a retired secret does not come back");
        assertEquals(List.of(fa + " retired", fb + " current"),
                registry.entries().stream().map(e -> e.fingerprint() + " " + e.status()).toList());
    }

    private static PseudonymSecret secret(String text) {
        return PseudonymSecret.of(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void insertCurrent(ControlDatabase db, KeyFingerprint f) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO pseudonym_key (fingerprint, status, recorded_at) VALUES (?, 'current', CURRENT_TIMESTAMP)")) {
            ps.setString(1, f.hex());
            ps.executeUpdate();
        }
    }
}
