package vn.cdht.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.pipelines.indicators.IndicatorsJob;
import vn.cdht.warehouse.analyst.SnapshotLoader;
import vn.cdht.warehouse.catalog.CatalogSettings;
import vn.cdht.warehouse.catalog.IcebergCatalogs;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.control.ControlDatabaseSettings;
import vn.cdht.warehouse.control.RunLock;

/** cdht run: a crash in the middle of a stage, resumed; and the lock against a second run at the same time. */
class RunCommandTest {

    @TempDir
    Path home;

    private Map<String, String> env() {
        return CliRun.testEnv(home);
    }

    @Test
    void aRunKilledDuringTheIndicatorsIsResumedAndEndsAsAnUninterruptedRunWould() throws Exception {
        CliRun generate = CliRun.of(env(), "generate", "--province", "51", "--scale", "0.002", "--seed", "7",
                "--dirty-rate", "0.01", "--out", home.resolve("inbox").resolve("batch-1").toString());
        assertEquals(0, generate.exitCode(), generate.err());

        List<String> seen = ChildCdht.killDuring(env(), "computing mart.criteria", "--home", home.toString(), "run");
        assertTrue(seen.stream().anyMatch(l -> l.contains("computed mart.coverage")), String.join("\n", seen));

        CliRun resumed = CliRun.of(env(), "run");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().contains("took over the lock of cdht run ("), resumed.err());
        assertTrue(resumed.err().matches("(?s).*resuming run \\d+ from its unfinished stage indicators.*"), resumed.err());
        assertTrue(resumed.err().contains("mart.coverage unchanged"), "the mart committed before the kill is kept: " + resumed.err());
        Map<String, List<String>> afterCrash = martContents();

        CliRun uninterrupted = CliRun.of(env(), "indicators", "--force");
        assertEquals(0, uninterrupted.exitCode(), uninterrupted.err());
        Map<String, List<String>> recomputed = martContents();
        for (String mart : recomputed.keySet()) {
            List<String> onlyAfterCrash = new ArrayList<>(afterCrash.get(mart));
            onlyAfterCrash.removeAll(recomputed.get(mart));
            List<String> onlyRecomputed = new ArrayList<>(recomputed.get(mart));
            onlyRecomputed.removeAll(afterCrash.get(mart));
            assertEquals(List.of(), onlyAfterCrash.stream().limit(3).toList(), "mart." + mart + " rows only after the crash;"
                    + " only in the recomputation: " + onlyRecomputed.stream().limit(3).toList());
            assertEquals(recomputed.get(mart).size(), afterCrash.get(mart).size(), "mart." + mart + " rows");
        }

        CliRun runs = CliRun.of(env(), "runs");
        assertEquals(0, runs.exitCode(), runs.err());
        assertTrue(runs.out().contains("failed") && runs.out().contains("the process running it stopped"), runs.out());
        assertTrue(runs.out().matches("(?s).*Run \\d+ \\(run\\) succeeded.*"), runs.out());
        assertTrue(runs.out().contains("bulletins") && runs.out().contains("deliver"), runs.out());

        // nothing new: the batch recognised by its stamp, the rules by their fingerprints, every table by its
        // snapshots, all without starting Spark (up to publish: the table upkeep after it does start Spark)
        CliRun again = CliRun.of(env(), "run", "--until", "publish");
        assertEquals(0, again.exitCode(), again.err());
        assertFalse(again.err().contains("starting Spark"), again.err());
        assertTrue(again.err().contains("mart.coverage unchanged"), again.err());
    }

    @Test
    void aSecondRunAtTheSameTimeIsRefusedWithWhoHoldsTheLock() {
        ControlDatabase db = new ControlDatabase(ControlDatabaseSettings.from(CdhtConfig.of(home, Map.of())));
        db.migrate();
        RunLock other = new RunLock(db, "pipeline", Duration.ofMinutes(10));
        assertTrue(other.acquire(42L).acquired());
        try {
            CliRun second = CliRun.of(env(), "run", "--only", "publish");
            assertEquals(1, second.exitCode(), second.out());
            assertTrue(second.err().contains("refused: another cdht command is writing this home: a cdht command ("
                    + other.self() + ", run 42) since "), second.err());
        } finally {
            other.release();
        }
        CliRun afterwards = CliRun.of(env(), "run", "--only", "deliver");
        assertEquals(0, afterwards.exitCode(), afterwards.err());
        assertTrue(afterwards.out().matches("(?s).*deliver\\s+skipped.*"), afterwards.out());
    }

    /** Every mart's rows, sorted, as text. */
    private Map<String, List<String>> martContents() throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Catalog catalog = IcebergCatalogs.open(CatalogSettings.from(CdhtConfig.of(home, Map.of())));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            SnapshotLoader loader = new SnapshotLoader(catalog, duck);
            for (String mart : IndicatorsJob.marts()) {
                loader.load("mart." + mart, null, null);
                List<String> rows = new ArrayList<>();
                try (Statement st = duck.createStatement();
                     ResultSet rs = st.executeQuery("SELECT * FROM mart." + mart + " ORDER BY ALL")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= n; c++) {
                            row.append(rs.getString(c)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                assertTrue(!rows.isEmpty(), "mart." + mart + " has rows");
                out.put(mart, rows);
            }
        } finally {
            ((AutoCloseable) catalog).close();
        }
        return out;
    }
}
