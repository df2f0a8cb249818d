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
    void demoLoadsTheRealGeographyAndIsSafeToRunAgain() {
        Map<String, String> env = Map.of("CDHT_HOME", home.toString(), "CDHT_SPARK_MASTER", "local[2]",
                "CDHT_SPARK_SHUFFLE_PARTITIONS", "2");
        CliRun first = CliRun.of(env, "demo");
        assertEquals(0, first.exitCode(), first.err());
        assertCounts(first.out());
        assertTrue(first.out().contains("new_commune_without_predecessor: 5"), first.out());
        assertTrue(first.out().contains("crosswalk_crosses_province: 1"), first.out());

        CliRun second = CliRun.of(env, "demo");
        assertEquals(0, second.exitCode(), second.err());
        assertCounts(second.out());
        assertTrue(second.out().contains("ref.communes_2024       10047  unchanged"), second.out());

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
