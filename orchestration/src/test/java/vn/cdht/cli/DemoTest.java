package vn.cdht.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.analyst.AnalystQuery;
import vn.cdht.warehouse.analyst.PersonalDataScan;
import vn.cdht.warehouse.analyst.QueryResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main job, as a new user runs it: twice, then status, then table upkeep. One Spark session per demo run. */
class DemoTest {

    @TempDir
    Path home;

    @Test
    void demoLoadsTheRealGeographyIngestsASampleAndIsSafeToRunAgain() throws Exception {
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

        Path analyst = home.resolve("analyst.duckdb");
        assertTrue(first.out().contains("Published ") && Files.isRegularFile(analyst), first.out());
        totalsAddUpOnBothGeographies(analyst);
        BulletinChecks bulletins = new BulletinChecks(home, env);
        assertTrue(first.out().contains("== 4/5 Pipeline run: ingest → indicators → publish → bulletins"), first.out());
        // and the fix summary of the province, and the fix-list of the unit with the most rows to correct (issue 18),
        // each PDF and XLSX
        assertTrue(first.out().contains("Fix-list of unit "), first.out());
        int reports = 7;
        assertEquals(reports, bulletins.registered().size(), "province PDF, statistics table PDF and XLSX, fix summary"
                + " and a unit's fix-list PDF and XLSX: " + bulletins.registered());
        assertTrue(second.out().contains("mart.coverage unchanged") || second.err().contains("mart.coverage unchanged"),
                second.err());
        assertEquals(reports, bulletins.registered().size(), "the second run renders the same reports, not new ones");
        bulletins.statisticsTableShowsTheMart(analyst);
        bulletins.provinceBulletinShowsTheMart(analyst);
        bulletins.everyCommuneHasItsBulletin(analyst);
        bulletins.theUnitListMasksTheCccd(analyst);
        List<String> names = generatedNames();
        assertTrue(names.size() > 50, "names of the sample's citizens: " + names.size());
        assertEquals(List.of(), new PersonalDataScan(names).scan(analyst),
                "no CCCD-like number and none of the generated names in any text column of any table");
        List<String> questions = guideQuestions();
        assertEquals(10, questions.size());
        for (String sql : questions) {
            CliRun answer = CliRun.of(env, "sql", sql);
            assertEquals(0, answer.exitCode(), sql + "\n" + answer.err());
            assertTrue(answer.out().lines().count() >= 2, "a header and at least one row for:\n" + sql + "\n" + answer.out());
        }

        CliRun quarantine = CliRun.of(env, "quarantine", "--rows", "3");
        assertEquals(0, quarantine.exitCode(), quarantine.err());
        assertTrue(quarantine.out().contains("Quarantined rows by reason"), quarantine.out());
        assertTrue(!quarantine.out().contains("AS RECEIVED"), "raw content only with --raw");

        // the demo migrated the warehouse before ingesting: nothing left to apply
        CliRun migrate = CliRun.of(env, "warehouse", "migrate");
        assertEquals(0, migrate.exitCode(), migrate.err());
        assertTrue(migrate.out().matches("Warehouse cdht \\(.*\\): up to date, at version \\d+\\.\\s*"), migrate.out());
        CliRun info = CliRun.of(env, "warehouse", "info");
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().matches("(?s).*\\n\\s*1\\s+initial tables\\s+V1__initial_tables\\.sql\\s+applied\\s+\\d{4}-.*"), info.out());

        CliRun status = CliRun.of(env, "status");
        assertEquals(0, status.exitCode(), status.err());
        assertCounts(status.out());
        assertEquals(snapshot(second.out(), "ref.commune_crosswalk"), snapshot(status.out(), "ref.commune_crosswalk"));

        bulletins.reproductionReadsTheRecordedSnapshots();
        new UpkeepChecks(home, env).maintainKeepsWhatReportsRead(bulletins);
    }

    /** The province's figures equal the sum over its communes (and districts), on both geographies. */
    private static void totalsAddUpOnBothGeographies(Path analyst) {
        QueryResult provinces = AnalystQuery.run(analyst, "SELECT geography, count(*) FROM mart.coverage WHERE level = 'province'"
                + " GROUP BY geography ORDER BY geography");
        assertEquals(List.of("2024", "2025"), provinces.rows().stream().map(r -> r.get(0)).toList());
        for (String parts : List.of("commune", "district")) {
            QueryResult mismatches = AnalystQuery.run(analyst, "SELECT count(*) FROM (SELECT p.geography, p.as_of_month, p.province_code"
                    + " FROM mart.coverage p JOIN mart.coverage c ON c.geography = p.geography AND c.as_of_month = p.as_of_month"
                    + " AND c.province_code = p.province_code AND c.level = '" + parts + "' WHERE p.level = 'province'"
                    + " GROUP BY p.geography, p.as_of_month, p.province_code, p.registered, p.eligible, p.achieved"
                    + " HAVING p.registered <> sum(c.registered) OR p.eligible <> sum(c.eligible) OR p.achieved <> sum(c.achieved))");
            assertEquals("0", mismatches.rows().get(0).get(0), parts);
        }
        // the printed whole numbers add up too: communes to their district (2024) or province, districts to the province
        for (String[] parts : List.of(new String[] {"commune", "2025", "province", "province_code"},
                new String[] {"commune", "2024", "district", "district_code"},
                new String[] {"district", "2024", "province", "province_code"})) {
            QueryResult mismatches = AnalystQuery.run(analyst, "SELECT count(*) FROM (SELECT p.as_of_month, p." + parts[3]
                    + " FROM mart.coverage p JOIN mart.coverage c ON c.geography = p.geography AND c.as_of_month = p.as_of_month"
                    + " AND c." + parts[3] + " = p." + parts[3] + " AND c.level = '" + parts[0] + "'"
                    + " WHERE p.level = '" + parts[2] + "' AND p.geography = '" + parts[1] + "'"
                    + " GROUP BY p.as_of_month, p." + parts[3] + ", p.registered_printed, p.eligible_printed,"
                    + " p.assessed_printed, p.achieved_printed, p.recognised_printed"
                    + " HAVING p.registered_printed <> sum(c.registered_printed) OR p.eligible_printed <> sum(c.eligible_printed)"
                    + " OR p.assessed_printed <> sum(c.assessed_printed) OR p.achieved_printed <> sum(c.achieved_printed)"
                    + " OR p.recognised_printed <> sum(c.recognised_printed))");
            assertEquals("0", mismatches.rows().get(0).get(0), String.join(" in ", parts));
        }
        QueryResult registered = AnalystQuery.run(analyst, "SELECT sum(registered) FROM mart.coverage WHERE level = 'province'"
                + " AND geography = '2025' AND is_latest_month AND year = 2025");
        assertTrue(Double.parseDouble(registered.rows().get(0).get(0)) > 0, registered.rows().toString());
    }

    /** The full names in the generated sample export, read with cdht's own reader. */
    private List<String> generatedNames() {
        try (var files = Files.walk(home.resolve("inbox"))) {
            Path accounts = files.filter(p -> p.getFileName().toString().equals("tai_khoan.csv")).findFirst().orElseThrow();
            java.util.Set<String> names = new java.util.TreeSet<>();
            vn.cdht.pipelines.source.files.SourceFileReader.read(vn.cdht.pipelines.source.files.SourceFile.of(accounts), row -> {
                String name = row.values().get("full_name");
                if (name != null && name.length() > 5) {
                    names.add(name);
                }
            });
            return List.copyOf(names);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The SQL of every example question in docs/analyst-guide.md. */
    static List<String> guideQuestions() {
        try {
            String guide = Files.readString(Path.of("..", "docs", "analyst-guide.md"));
            List<String> out = new java.util.ArrayList<>();
            Matcher m = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(guide);
            while (m.find()) {
                out.add(m.group(1).strip());
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
