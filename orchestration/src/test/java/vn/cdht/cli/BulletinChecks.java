package vn.cdht.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import vn.cdht.reports.registry.RenderedReport;
import vn.cdht.reports.registry.ReportRegistry;
import vn.cdht.warehouse.analyst.AnalystQuery;
import vn.cdht.warehouse.analyst.QueryResult;
import vn.cdht.warehouse.catalog.CatalogSettings;
import vn.cdht.warehouse.catalog.IcebergCatalogs;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.control.ControlDatabaseSettings;

/** What the demo's bulletins must show: the marts' figures, in Vietnamese, in the PDF and in the XLSX. */
final class BulletinChecks {

    private final Path home;
    private final Map<String, String> env;

    BulletinChecks(Path home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    List<RenderedReport> registered() {
        CdhtConfig config = CdhtConfig.of(home, Map.of());
        return new ReportRegistry(new ControlDatabase(ControlDatabaseSettings.from(config))).originals(null);
    }

    RenderedReport report(String kind, String format) {
        return registered().stream().filter(r -> r.kind().equals(kind) && r.format().equals(format)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + format + " in " + registered()));
    }

    /**
     * Each commune's line of the statistics table holds the mart's printed figures (*_printed, which add up to the
     * province's), formatted the Vietnamese way, the same numbers in the XLSX cells; a commune without data says so.
     */
    void statisticsTableShowsTheMart(Path analyst) {
        RenderedReport pdf = report("stats-table", "pdf");
        String text = RenderedFiles.pdfText(pdf.file());
        assertTrue(text.contains("BIỂU THỐNG KÊ TÀI KHOẢN “CÔNG DÂN HỌC TẬP”"), text);
        assertTrue(text.contains("Tỉnh Quảng Ngãi"), text);
        String flat = text.replaceAll("\\s+", " ");
        List<List<String>> communes = printedCommunes(analyst, pdf.period());
        assertTrue(communes.size() > 50, "communes of Quảng Ngãi: " + communes.size());
        long[] sums = new long[5];
        for (List<String> c : communes) {
            int at = flat.indexOf(" " + c.get(0) + " ");
            assertTrue(at >= 0, "commune " + c.get(0) + " in the PDF");
            String line = flat.substring(at, Math.min(flat.length(), at + 300));
            for (int i = 0; i < 5; i++) {
                sums[i] += Long.parseLong(c.get(1 + i));
            }
            if (c.get(7) != null) {
                assertTrue(line.contains("**") && line.contains("chưa có số"), "commune " + c.get(0) + " without data: " + line);
                continue;
            }
            String expected = RenderedFiles.count(new BigDecimal(c.get(1))) + " " + RenderedFiles.count(new BigDecimal(c.get(2)))
                    + " " + RenderedFiles.rate(Double.parseDouble(c.get(6))) + " " + RenderedFiles.count(new BigDecimal(c.get(3)));
            assertTrue(line.contains(expected), "commune " + c.get(0) + ": expected '" + expected + "' in '" + line + "'");
        }
        // the province as do_phu_tinh shows it: the table's Tổng cộng
        List<String> total = AnalystQuery.run(analyst, "SELECT \"Số người trong độ tuổi\", \"Đã đăng ký\", \"Đã tự đánh giá\","
                + " \"Tự đánh giá đạt\", \"Được công nhận danh hiệu\" FROM do_phu_tinh WHERE \"Địa giới\" = '2025'"
                + " AND \"Mã tỉnh\" = '51' AND \"Tháng\" = '" + pdf.period() + "'").rows().get(0);
        for (int i = 0; i < 5; i++) {
            assertEquals(Long.parseLong(total.get(i)), sums[i], "the communes' printed column " + i + " adds up to the province's");
        }
        assertTrue(flat.contains("Tổng cộng " + RenderedFiles.count(new BigDecimal(total.get(0))) + " "
                + RenderedFiles.count(new BigDecimal(total.get(1)))), flat);

        List<List<Object>> rows = RenderedFiles.xlsxRows(report("stats-table", "xlsx").file());
        int matched = 0;
        for (List<String> c : communes) {
            List<Object> row = rows.stream().filter(r -> r.contains(c.get(0))).findFirst()
                    .orElseThrow(() -> new AssertionError("commune " + c.get(0) + " in the XLSX"));
            List<Double> numbers = row.stream().filter(v -> v instanceof Double).map(v -> (Double) v).toList();
            if (c.get(7) == null) {
                // STT, eligible, registered, registered rate, assessed, ...: numbers, not text, as in the PDF
                assertEquals(Double.parseDouble(c.get(1)), numbers.get(1), 1e-9, "eligible of " + c.get(0) + ": " + row);
                assertEquals(Double.parseDouble(c.get(2)), numbers.get(2), 1e-9, "registered of " + c.get(0) + ": " + row);
                assertEquals(Double.parseDouble(c.get(6)), numbers.get(3), 1e-9, "registered rate of " + c.get(0) + ": " + row);
                assertEquals(Double.parseDouble(c.get(3)), numbers.get(4), 1e-9, "assessed of " + c.get(0) + ": " + row);
            }
            matched++;
        }
        assertEquals(communes.size(), matched);
    }

    /** The leaders' bulletin: its Vietnamese title and the province's headline figures. */
    void provinceBulletinShowsTheMart(Path analyst) {
        RenderedReport pdf = report("province", "pdf");
        String text = RenderedFiles.pdfText(pdf.file());
        assertTrue(text.contains("BẢN TIN CÔNG DÂN HỌC TẬP"), text);
        assertTrue(text.contains("Quảng Ngãi, ngày "), text);
        QueryResult province = AnalystQuery.run(analyst, "SELECT registered_printed, assessed_printed, achieved_printed FROM mart.coverage"
                + " WHERE geography = '2025' AND level = 'province' AND province_code = '51' AND as_of_month = '"
                + pdf.period() + "'");
        for (String figure : province.rows().get(0)) {
            String formatted = RenderedFiles.count(new BigDecimal(figure));
            assertTrue(text.contains(formatted), "the province's " + formatted + " in:\n" + text);
        }
        assertTrue(pdf.pages() >= 2 && pdf.pages() <= 4, "two to four pages: " + pdf.pages());
    }

    /** --all renders one bulletin per commune of the province, each with its own figures. */
    void everyCommuneHasItsBulletin(Path analyst) {
        String period = report("province", "pdf").period();
        CliRun all = CliRun.of(env, "bulletin", "--kind", "commune", "--scope", "51", "--all", "--period", period);
        assertEquals(0, all.exitCode(), all.err());
        List<List<String>> communes = communes(analyst, period);
        List<RenderedReport> bulletins = registered().stream().filter(r -> r.kind().equals("commune")).toList();
        assertEquals(communes.size(), bulletins.size(), all.out());
        // filled several at a time: each file must still hold its own commune's figures
        for (List<String> commune : communes) {
            RenderedReport bulletin = bulletins.stream().filter(r -> r.scope().equals(commune.get(0))).findFirst().orElseThrow();
            assertEquals(1, bulletin.pages());
            String text = RenderedFiles.pdfText(bulletin.file());
            assertTrue(text.contains("BẢN TIN CÔNG DÂN HỌC TẬP"), text);
            assertTrue(text.contains(commune.get(7)), "the name of " + commune + " in:\n" + text);
            assertTrue(text.contains(RenderedFiles.count(new BigDecimal(commune.get(2)))),
                    "registered (printed) of " + commune + " in:\n" + text);
        }
        assertTrue(all.out().contains("reports/s"), all.out());
    }

    private static String permissions(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The unit list: under restricted/ (the owner's only), names in full, CCCD masked, no 12-digit number anywhere. */
    void theUnitListMasksTheCccd(Path analyst) {
        String period = report("province", "pdf").period();
        String unit = AnalystQuery.run(analyst, "SELECT unit_code FROM mart.unit_progress WHERE year = "
                + period.substring(0, 4) + " AND assessed > 0 ORDER BY assessed DESC, unit_code LIMIT 1").rows().get(0).get(0);
        CliRun list = CliRun.of(env, "bulletin", "--kind", "unit-list", "--scope", unit, "--period", period);
        assertEquals(0, list.exitCode(), list.err());
        RenderedReport pdf = report("unit-list", "pdf");
        assertTrue(pdf.personalData());
        assertEquals(home.resolve("bulletins").resolve("restricted").toAbsolutePath().normalize(), pdf.file().getParent());
        assertEquals("rwx------", permissions(pdf.file().getParent()));
        assertEquals("rw-------", permissions(pdf.file()));
        String text = RenderedFiles.pdfText(pdf.file());
        assertTrue(text.contains("DANH SÁCH CÔNG DÂN TỰ ĐÁNH GIÁ"), text);
        assertTrue(java.util.regex.Pattern.compile("0\\d{2}\\*{7}\\d{2}").matcher(text).find(), "a masked CCCD in:\n" + text);
        // the footer's snapshot ids (#digits) are the only long numbers allowed
        String withoutSnapshots = text.replaceAll("#\\d+", "").replaceAll("\\s+", "");
        assertTrue(!java.util.regex.Pattern.compile("\\d{12}").matcher(withoutSnapshots).find(), "no full CCCD in:\n" + text);
    }

    /**
     * After the table changed, a reproduction reads the recorded snapshots (Iceberg time travel) and shows exactly
     * what the original showed, while a new rendering shows the change.
     */
    void reproductionReadsTheRecordedSnapshots() throws Exception {
        RenderedReport original = report("stats-table", "pdf");
        // a new rendering of the same report writes the same file name: keep what the original showed
        String originalText = RenderedFiles.pdfText(original.file());
        duplicateAFileOf("mart", "coverage");

        CliRun reproduce = CliRun.of(env, "bulletin", "--reproduce", Long.toString(original.id()));
        assertEquals(0, reproduce.exitCode(), reproduce.err());
        RenderedReport copy = new BulletinChecks(home, env).allReports().stream()
                .filter(r -> Long.valueOf(original.id()).equals(r.reproducesId())).findFirst().orElseThrow();
        assertEquals(original.snapshots(), copy.snapshots());
        assertEquals(originalText, RenderedFiles.pdfText(copy.file()));

        CliRun fresh = CliRun.of(env, "bulletin", "--kind", "stats-table", "--scope", "51", "--period", original.period());
        assertEquals(0, fresh.exitCode(), fresh.err());
        RenderedReport now = registered().stream().filter(r -> r.kind().equals("stats-table") && r.format().equals("pdf")
                && r.id() != original.id()).findFirst().orElseThrow();
        assertNotEquals(original.snapshots(), now.snapshots());
        assertNotEquals(originalText, RenderedFiles.pdfText(now.file()));
    }

    List<RenderedReport> allReports() {
        CdhtConfig config = CdhtConfig.of(home, Map.of());
        return new ReportRegistry(new ControlDatabase(ControlDatabaseSettings.from(config))).latest(1000);
    }

    /** Commits the table's largest data file a second time: its rows now count twice. */
    private void duplicateAFileOf(String namespace, String name) throws Exception {
        Catalog catalog = IcebergCatalogs.open(CatalogSettings.from(CdhtConfig.of(home, Map.of())));
        try {
            Table table = catalog.loadTable(TableIdentifier.of(namespace, name));
            DataFile file = null;
            for (DataFile f : table.currentSnapshot().addedDataFiles(table.io())) {
                file = file == null || f.recordCount() > file.recordCount() ? f : file;
            }
            table.newFastAppend().appendFile(file).commit();
        } finally {
            ((AutoCloseable) catalog).close();
        }
    }

    /**
     * The communes as the analyst sees them in the view do_phu_xa (its counts: the reports must print the same numbers),
     * with the unrounded rate and the no-data reason of mart.coverage.
     */
    private static List<List<String>> printedCommunes(Path analyst, String period) {
        return AnalystQuery.run(analyst, "SELECT v.\"Mã xã\", v.\"Số người trong độ tuổi\", v.\"Đã đăng ký\","
                + " v.\"Đã tự đánh giá\", v.\"Tự đánh giá đạt\", v.\"Được công nhận danh hiệu\", c.registered_rate,"
                + " c.no_data_reason FROM do_phu_xa v JOIN mart.coverage c ON c.geography = '2025' AND c.level = 'commune'"
                + " AND c.commune_code = v.\"Mã xã\" AND c.as_of_month = v.\"Tháng\""
                + " WHERE v.\"Mã tỉnh\" = '51' AND v.\"Tháng\" = '" + period + "' ORDER BY 1").rows();
    }

    private static List<List<String>> communes(Path analyst, String period) {
        return AnalystQuery.run(analyst, "SELECT commune_code, eligible_printed, registered_printed, registered_rate, assessed,"
                + " assessed_rate, achieved, commune_name FROM mart.coverage WHERE geography = '2025' AND level = 'commune'"
                + " AND province_code = '51' AND as_of_month = '" + period + "' ORDER BY commune_code").rows();
    }
}
