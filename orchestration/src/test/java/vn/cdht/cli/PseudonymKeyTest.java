package vn.cdht.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.analyst.SnapshotLoader;
import vn.cdht.warehouse.catalog.CatalogSettings;
import vn.cdht.warehouse.catalog.IcebergCatalogs;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.control.ControlDatabaseSettings;
import vn.cdht.warehouse.privacy.CitizenKey;
import vn.cdht.warehouse.privacy.KeyFingerprint;
import vn.cdht.warehouse.privacy.PseudonymKeyRegistry;
import vn.cdht.warehouse.privacy.PseudonymSecret;

/** The pseudonymisation secret guarded: generated once on a fresh home, another one refused, rotated on purpose. */
class PseudonymKeyTest {

    static final String SECRET_B = "the secret the province rotates to";

    @TempDir
    Path home;

    private Map<String, String> env(String secret) {
        Map<String, String> env = new HashMap<>(Map.of("CDHT_HOME", home.toString(), "CDHT_SPARK_MASTER", "local[2]",
                "CDHT_SPARK_SHUFFLE_PARTITIONS", "2"));
        if (secret != null) {
            env.put("CDHT_PSEUDONYM_SECRET", secret);
        }
        return env;
    }

    private Path secretFile() {
        return home.resolve("secrets").resolve("pseudonym.key");
    }

    /** The fingerprint a first ingestion under {@code secret} records. */
    private KeyFingerprint recordFirstIngestion(String secret) {
        ControlDatabase db = new ControlDatabase(ControlDatabaseSettings.from(CdhtConfig.of(home, Map.of())));
        db.migrate();
        PseudonymSecret s = PseudonymSecret.parse(secret);
        new PseudonymKeyRegistry(db).verifyOrRecord(s, "test");
        return KeyFingerprint.of(s);
    }

    @Test
    void anotherSecretIsRefusedBeforeAnythingIsRead() {
        KeyFingerprint a = recordFirstIngestion("the secret the warehouse was built with");
        CliRun run = CliRun.of(env(SECRET_B), "ingest", home.resolve("batch").toString());
        assertEquals(1, run.exitCode(), run.out());
        String error = run.err().strip().lines().reduce((x, y) -> y).orElseThrow();
        assertTrue(error.matches("cdht ingest: error: the pseudonymisation secret differs from the one this warehouse was"
                + " built with \\(fingerprint " + a.shortForm() + " recorded \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d Vietnam time, now "
                + KeyFingerprint.of(PseudonymSecret.parse(SECRET_B)).shortForm() + "\\): every citizen would get a second key\\."
                + " Restore the original secret \\(pseudonym.secret / CDHT_PSEUDONYM_SECRET\\), or rotate on purpose with"
                + " 'cdht rotate-key'"), run.err());
        assertFalse(run.err().contains("starting Spark"), run.err());
    }

    @Test
    void aMissingSecretFileIsRefusedOnceTheWarehouseHasASecret() {
        KeyFingerprint a = recordFirstIngestion("the secret the warehouse was built with");
        CliRun run = CliRun.of(env(null), "ingest", home.resolve("batch").toString());
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().strip().matches("(?s)(.*\\n)?cdht ingest: error: the pseudonymisation secret file "
                + Pattern.quote(secretFile().toString()) + " is missing, but this warehouse was built with one \\(fingerprint "
                + a.shortForm() + " recorded \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d Vietnam time\\): restore it from its backup,"
                + " since a new secret would give every citizen a second key \\(lost for good: 'cdht rotate-key' re-keys to a"
                + " new one\\)"), run.err());
        assertFalse(Files.exists(secretFile()), "no new secret generated");
    }

    @Test
    void aFreshHomeGetsASecretAndARotationRekeysEveryoneWithoutCountingAnyoneTwice() throws Exception {
        Path batch1 = home.resolve("inbox/batch-1");
        CliRun generate = CliRun.of(env(null), "generate", "--province", "51", "--scale", "0.001", "--seed", "7",
                "--dirty-rate", "0", "--out", batch1.toString());
        assertEquals(0, generate.exitCode(), generate.err());
        for (String other : List.of("don_vi.csv", "cong_nhan.csv", "dan_so.csv")) {
            Files.delete(batch1.resolve(other)); // accounts and self-assessments are what carry citizens
        }
        Path batch2 = secondAccountOfACitizen(batch1, home.resolve("inbox/batch-2"));

        CliRun first = CliRun.of(env(null), "ingest", batch1.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.err().contains("… generated a new pseudonymisation secret in " + secretFile()
                + " (keep it: losing it makes new batches unlinkable to earlier ones)"), first.err());
        String secretA = Files.readString(secretFile(), StandardCharsets.US_ASCII).strip();
        Counts before = counts();
        assertTrue(before.citizens() > 100, before.toString());

        CliRun otherSecret = CliRun.of(env(SECRET_B), "ingest", batch2.toString());
        assertEquals(1, otherSecret.exitCode(), otherSecret.out());
        assertTrue(otherSecret.err().contains("error: the pseudonymisation secret differs"), otherSecret.err());

        Path newSecret = home.resolve("new-secret.txt");
        Files.writeString(newSecret, SECRET_B + "\n");
        CliRun rotate = CliRun.of(env(null), "rotate-key", "--new-secret-file", newSecret.toString());
        assertEquals(0, rotate.exitCode(), rotate.err());
        assertTrue(rotate.out().contains("Re-keyed under the pseudonymisation secret of fingerprint "
                + KeyFingerprint.of(PseudonymSecret.parse(SECRET_B)).shortForm() + ": " + before.accounts()
                + " rows of core.accounts"), rotate.out());
        assertTrue(rotate.out().contains("The new secret replaced the old one in " + secretFile()), rotate.out());
        assertEquals(KeyFingerprint.of(PseudonymSecret.parse(SECRET_B)), KeyFingerprint.of(PseudonymSecret.read(secretFile())));
        Counts rotated = counts();
        assertEquals(before, rotated, "the same citizens, under new keys");
        assertEquals(0, rotated.keysNotUnder(SECRET_B), "every key is the new secret's key of the CCCD");

        CliRun second = CliRun.of(env(null), "ingest", batch2.toString());
        assertEquals(0, second.exitCode(), second.err());
        Counts after = counts();
        assertEquals(before.accounts() + 1, after.accounts(), "the citizen's second account");
        assertEquals(before.citizens(), after.citizens(), "no citizen counted twice");
        assertEquals(before.yearlyCitizens(), after.yearlyCitizens(), "no citizen assessed twice in a year");
        assertEquals(0, after.keysNotUnder(SECRET_B));

        CliRun oldSecret = CliRun.of(env(secretA), "ingest", batch2.toString());
        assertEquals(1, oldSecret.exitCode(), oldSecret.out());
        assertTrue(oldSecret.err().contains("error: the pseudonymisation secret in pseudonym.secret / CDHT_PSEUDONYM_SECRET"
                + " (fingerprint " + KeyFingerprint.of(PseudonymSecret.parse(secretA)).shortForm() + ") was retired on "),
                oldSecret.err());
    }

    /** A batch with a second account (and its self-assessment) of the first citizen of {@code batch}. */
    private static Path secondAccountOfACitizen(Path batch, Path out) throws Exception {
        Files.createDirectories(out);
        List<String> accounts = Files.readAllLines(batch.resolve("tai_khoan.csv"), StandardCharsets.UTF_8);
        String account = accounts.get(1).substring(0, accounts.get(1).indexOf(','));
        Files.writeString(out.resolve("tai_khoan.csv"), accounts.get(0) + "\n"
                + accounts.get(1).replaceFirst("^" + account + ",", "TK-SECOND-1,") + "\n", StandardCharsets.UTF_8);
        List<String> assessments = Files.readAllLines(batch.resolve("phieu_danh_gia.csv"), StandardCharsets.UTF_8);
        String assessment = assessments.stream().filter(l -> l.split(",")[1].equals(account)).findFirst().orElseThrow();
        Files.writeString(out.resolve("phieu_danh_gia.csv"), assessments.get(0) + "\n"
                + assessment.replaceFirst("^[^,]+," + account + ",", "PD-SECOND-1,TK-SECOND-1,") + "\n", StandardCharsets.UTF_8);
        return out;
    }

    /** Accounts, distinct citizens, distinct (year, citizen) of the yearly assessments, and the citizens' keys. */
    private record Counts(long accounts, long citizens, long yearlyCitizens, long yearlyRows, Map<String, String> keyByCccd) {

        long keysNotUnder(String secret) {
            CitizenKey key = new CitizenKey(PseudonymSecret.parse(secret));
            return keyByCccd.entrySet().stream().filter(e -> !e.getValue().equals(key.of(e.getKey()))).count();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Counts c && accounts == c.accounts && citizens == c.citizens
                    && yearlyCitizens == c.yearlyCitizens && yearlyRows == c.yearlyRows;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(accounts + citizens);
        }
    }

    private Counts counts() throws Exception {
        Catalog catalog = IcebergCatalogs.open(CatalogSettings.from(CdhtConfig.of(home, Map.of())));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            SnapshotLoader loader = new SnapshotLoader(catalog, duck);
            for (String table : List.of("core.accounts", "core.yearly_assessments", "restricted.citizens")) {
                loader.load(table, null, null);
            }
            long[] n = new long[4];
            try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM core.accounts),"
                    + " (SELECT count(DISTINCT citizen_key) FROM core.accounts),"
                    + " (SELECT count(DISTINCT (year, citizen_key)) FROM core.yearly_assessments),"
                    + " (SELECT count(*) FROM core.yearly_assessments)")) {
                rs.next();
                for (int i = 0; i < 4; i++) {
                    n[i] = rs.getLong(i + 1);
                }
            }
            assertEquals(n[2], n[3], "one yearly assessment per citizen and year");
            Map<String, String> keys = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT citizen_id, citizen_key FROM restricted.citizens")) {
                while (rs.next()) {
                    assertEquals(null, keys.put(rs.getString(1), rs.getString(2)), "one row per CCCD in restricted.citizens");
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM core.accounts a"
                    + " ANTI JOIN restricted.citizens c ON a.citizen_key = c.citizen_key")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "every account's key is a citizen's");
            }
            return new Counts(n[0], n[1], n[2], n[3], keys);
        } finally {
            ((AutoCloseable) catalog).close();
        }
    }
}
