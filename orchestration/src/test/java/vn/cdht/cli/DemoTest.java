package vn.cdht.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job, as a new user runs it: twice, then status. One Spark session per demo run. */
class DemoTest {

    @TempDir
    Path home;

    @Test
    void demoLoadsTheRealGeographyIngestsASampleAndIsSafeToRunAgain() {
        Map<String, String> env = Map.of("CDHT_HOME", home.toString(), "CDHT_SPARK_MASTER", "local[2]",
                "CDHT_SPARK_SHUFFLE_PARTITIONS", "2");
        CliRun first = CliRun.of(env, "demo", "--scale", "0.002");
        assertEquals(0, first.exitCode(), first.err());
        assertCounts(first.out());
        assertTrue(first.out().contains("new_commune_without_predecessor: 5"), first.out());
        assertTrue(first.out().contains("crosswalk_crosses_province: 1"), first.out());
        assertTrue(first.out().matches("(?s).*\\nTOTAL\\s+reconciles\\s+\\d+.*"), first.out());
        assertTrue(rows(first.out(), "core.accounts") > 0, first.out());

        CliRun second = CliRun.of(env, "demo", "--scale", "0.002");
        assertEquals(0, second.exitCode(), second.err());
        assertCounts(second.out());
        assertTrue(second.out().contains("ref.communes_2024       10047  unchanged"), second.out());
        assertTrue(second.out().contains("Nothing to do: this batch (same files, same checksums) was already ingested"), second.out());
        assertEquals(rows(first.out(), "core.accounts"), rows(second.out(), "core.accounts"));

        CliRun batches = CliRun.of(env, "batches");
        assertEquals(0, batches.exitCode(), batches.err());
        assertTrue(batches.out().contains("succeeded"), batches.out());
        assertTrue(batches.out().contains("tai_khoan.csv"), batches.out());

        CliRun quarantine = CliRun.of(env, "quarantine", "--rows", "3");
        assertEquals(0, quarantine.exitCode(), quarantine.err());
        assertTrue(quarantine.out().contains("Quarantined rows by reason"), quarantine.out());
        assertTrue(!quarantine.out().contains("AS RECEIVED"), "raw content only with --raw");

        CliRun status = CliRun.of(env, "status");
        assertEquals(0, status.exitCode(), status.err());
        assertCounts(status.out());
        assertEquals(snapshot(second.out(), "ref.commune_crosswalk"), snapshot(status.out(), "ref.commune_crosswalk"));
    }

    private static void assertCounts(String out) {
        assertEquals(63, rows(out, "ref.provinces_2024"));
        assertEquals(691, rows(out, "ref.districts_2024"));
        assertEquals(10_047, rows(out, "ref.communes_2024"));
        assertEquals(34, rows(out, "ref.provinces_2025"));
        assertEquals(3_321, rows(out, "ref.communes_2025"));
        assertEquals(10_599, rows(out, "ref.commune_crosswalk"));
    }

    /** Rows of a table in the status table at the end of the output. */
    private static long rows(String out, String table) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(table) + "\\s+(\\d+)\\s+\\d+\\s+\\d{4}-").matcher(out);
        long last = -1;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last;
    }

    private static String snapshot(String out, String table) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(table) + "\\s+\\d+\\s+(\\d+)\\s+\\d{4}-").matcher(out);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }
}
