package vn.cdht.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import vn.cdht.reports.ReportSnapshots;
import vn.cdht.reports.registry.RenderedReport;
import vn.cdht.warehouse.catalog.CatalogSettings;
import vn.cdht.warehouse.catalog.IcebergCatalogs;
import vn.cdht.warehouse.config.CdhtConfig;

/**
 * cdht maintain on a home with registered reports: every table compacted and its old snapshots expired, except those a
 * report read, so that a report rendered before is reproduced afterwards with the same figures; cdht status shows the
 * effect; a second run has nothing to do.
 */
final class UpkeepChecks {

    /** A status line of a table with a snapshot: name, rows, snapshots, data files, delete files. */
    private static final Pattern STATUS = Pattern.compile("(?m)^(\\S+)\\s+(\\d+|\\?)\\s+\\d+\\s+\\d{4}-\\d\\d-\\d\\d"
            + " \\d\\d:\\d\\d(?::\\d\\d)?\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)$");

    private record Line(String rows, int snapshots, long dataFiles, long deleteFiles) {
    }

    private final Path home;
    private final Map<String, String> env;

    UpkeepChecks(Path home, Map<String, String> env) {
        this.home = home;
        // every snapshot is older than a retention of 0 days: only the newest and those reports read are kept
        this.env = new HashMap<>(env);
        this.env.put("CDHT_MAINTAIN_SNAPSHOT_RETENTION_DAYS", "0");
        this.env.put("CDHT_MAINTAIN_RETAIN_LAST", "1");
    }

    /** Needs a reproduction of the statistics table already rendered and mart.coverage changed since its original. */
    void maintainKeepsWhatReportsRead(BulletinChecks bulletins) throws Exception {
        RenderedReport original = bulletins.report("stats-table", "pdf");
        RenderedReport reproduction = bulletins.allReports().stream()
                .filter(r -> Long.valueOf(original.id()).equals(r.reproducesId())).findFirst().orElseThrow();
        String before = RenderedFiles.pdfText(reproduction.file());
        Map<String, Set<Long>> reported = new TreeMap<>();
        for (RenderedReport r : bulletins.registered()) {
            ReportSnapshots.parse(r.snapshots()).byTable().forEach((t, id) -> reported.computeIfAbsent(t, k -> new HashSet<>()).add(id));
        }
        Map<String, Line> statusBefore = status();

        CliRun dryRun = CliRun.of(env, "maintain", "--dry-run");
        assertEquals(0, dryRun.exitCode(), dryRun.err());
        assertTrue(dryRun.out().startsWith("Dry run, nothing changed."), dryRun.out());
        assertEquals(statusBefore, status(), "a dry run changes nothing");

        CliRun maintain = CliRun.of(env, "maintain");
        assertEquals(0, maintain.exitCode(), maintain.err());
        assertTrue(maintain.out().contains("KEPT FOR REPORTS"), maintain.out());
        Map<String, Line> after = status();
        assertEquals(statusBefore.keySet(), after.keySet(), maintain.out());
        int expired = 0;
        for (String table : after.keySet()) {
            Line b = statusBefore.get(table);
            Line a = after.get(table);
            assertEquals(b.rows(), a.rows(), table + ": compaction keeps every row\n" + maintain.out());
            assertEquals(0, a.deleteFiles(), table + ": delete files applied\n" + maintain.out());
            assertTrue(a.dataFiles() <= b.dataFiles(), table + "\n" + maintain.out());
            int kept = 1 + reported.getOrDefault(table, Set.of()).size();
            assertTrue(a.snapshots() <= kept, table + ": " + a.snapshots() + " snapshots, at most the newest and the "
                    + (kept - 1) + " reports read\n" + maintain.out());
            expired += b.snapshots() - a.snapshots();
        }
        assertTrue(expired > 0, maintain.out());

        Catalog catalog = IcebergCatalogs.open(CatalogSettings.from(CdhtConfig.of(home, Map.of())));
        try {
            ReportSnapshots read = ReportSnapshots.parse(original.snapshots());
            for (Map.Entry<String, Long> e : read.byTable().entrySet()) {
                String[] name = e.getKey().split("\\.", 2);
                Table table = catalog.loadTable(TableIdentifier.of(name[0], name[1]));
                assertNotNull(table.snapshot(e.getValue()), e + " kept");
            }
            Table coverage = catalog.loadTable(TableIdentifier.of("mart", "coverage"));
            assertNotEquals(read.get("mart.coverage"), coverage.currentSnapshot().snapshotId(),
                    "the original's mart.coverage is no longer the current snapshot: only its tag keeps it");
        } finally {
            ((AutoCloseable) catalog).close();
        }

        CliRun reproduce = CliRun.of(env, "bulletin", "--reproduce", Long.toString(original.id()));
        assertEquals(0, reproduce.exitCode(), reproduce.err());
        RenderedReport again = bulletins.allReports().stream()
                .filter(r -> Long.valueOf(original.id()).equals(r.reproducesId())).findFirst().orElseThrow();
        assertEquals(original.snapshots(), again.snapshots());
        assertEquals(before, RenderedFiles.pdfText(again.file()), "the same figures after cdht maintain");

        CliRun second = CliRun.of(env, "maintain");
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().matches("(?s).*\\n\\d+ tables, 0 maintained in .*"), "nothing left to do:\n" + second.out());
        assertEquals(after, status());
    }

    private Map<String, Line> status() {
        CliRun status = CliRun.of(env, "status");
        assertEquals(0, status.exitCode(), status.err());
        Map<String, Line> out = new TreeMap<>();
        Matcher m = STATUS.matcher(status.out());
        while (m.find()) {
            out.put(m.group(1), new Line(m.group(2), Integer.parseInt(m.group(3)), Long.parseLong(m.group(4)),
                    Long.parseLong(m.group(5))));
        }
        assertTrue(out.size() > 20, status.out());
        return out;
    }
}
