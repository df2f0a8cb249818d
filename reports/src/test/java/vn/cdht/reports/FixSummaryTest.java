package vn.cdht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JasperPrint;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The department's summary of what to fix in a province (issue 18): per unit and reason, open, new with the latest
 * batch, fixed by it; each unit's line the sum of its reasons, the total the sum of every row, identical in PDF and
 * XLSX; units in Vietnamese order, those without a known unit last; the change since the previous batch.
 */
class FixSummaryTest extends UnitReportTest {

    /** Unit names in the order they must print (Vietnamese collation, numbers by value), with their codes. */
    private static final String[][] ORDERED = {
        {"U0000001", "Trường Mầm non Bình Minh"},
        {"U0000002", "Trường THCS Dương Liễu"},
        {"U0000003", "Trường THCS Đông Hòa"},
        {"U0000004", "Trường Tiểu học số 2"},
        {"U0000005", "Trường Tiểu học số 10"},
        {"U0000006", "UBND xã Ân Phong"},
    };
    private static final String[] VILLAGES = {"Ân Hòa", "Bắc Sơn", "Đồng Tâm", "Gò Dưa", "An Lạc", "Ấp Mới", "Hòa Bình",
        "Ơ Rê", "Ư Thượng", "Yên Thế", "Châu Ổ", "Dung Quất"};
    /** Every unit of the province: the six above and a branch per village. */
    private static final String[][] UNITS = units();

    private static String[][] units() {
        String[][] all = new String[ORDERED.length + VILLAGES.length][];
        System.arraycopy(ORDERED, 0, all, 0, ORDERED.length);
        for (int i = 0; i < VILLAGES.length; i++) {
            all[ORDERED.length + i] = new String[] {String.format("C%07d", i + 1), "Chi hội khuyến học thôn " + VILLAGES[i]};
        }
        return all;
    }
    private static final String[][] REASONS = {
        {"accounts", "quarantined", "BAD_CCCD", "Số CCCD không phải 12 chữ số"},
        {"accounts", "flag", "CCCD_REPAIRED", "Số CCCD có 11 chữ số; đã được tự sửa"},
        {"self_assessments", "quarantined", "TOTAL_NOT_SUM", "Tổng điểm khác tổng điểm của 10 tiêu chí"},
        {"recognitions", "quarantined", "BAD_DATE", "Ngày quyết định không có thật"},
        {"units", "quarantined", "UNKNOWN_COMMUNE", "Mã xã không có trong danh mục"},
    };

    private static Connection duck;
    private static long open;
    private static long fresh;
    private static long fixed;
    private static int lines;
    private static final java.util.Set<String> unitsOpen = new java.util.HashSet<>();

    @BeforeAll
    static void database() {
        try {
            duck = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        ReportData.installFunctions(duck);
        sql(duck, "CREATE SCHEMA mart", "CREATE SCHEMA ref",
                "CREATE TABLE ref.provinces_2025 (province_code VARCHAR, province_name VARCHAR)",
                "INSERT INTO ref.provinces_2025 VALUES ('51', 'Tỉnh Quảng Ngãi'), ('52', 'Tỉnh Gia Lai'), ('01', 'Thành phố Hà Nội')",
                "CREATE TABLE mart.fix_summary (province_code_2025 VARCHAR, province_name_2025 VARCHAR,"
                        + " unit_code VARCHAR, unit_name VARCHAR, entity VARCHAR, finding VARCHAR, code VARCHAR,"
                        + " reason_vi VARCHAR, rows_open BIGINT, rows_new BIGINT, rows_fixed BIGINT,"
                        + " as_of_batch VARCHAR, as_of_date DATE, previous_batch VARCHAR)");
        // inserted in reverse, so that the order printed is the template's
        for (int u = UNITS.length - 1; u >= 0; u--) {
            for (int r = 0; r < REASONS.length; r++) {
                if ((u + r) % 3 == 2 && r != 0) {
                    continue; // not every unit has every reason
                }
                long o = (u * 7L + r * 3L) % 11 + (u == 0 && r == 0 ? 1200 : 0);
                long n = Math.min(o, (u + r) % 4);
                long f = (u * r) % 5;
                row("51", UNITS[u][0], UNITS[u][1], REASONS[r], o, n, f);
            }
        }
        row("51", null, null, REASONS[1], 4, 1, 2);          // no known unit
        row("52", "G5200001", "Trường THCS Gia Lai", REASONS[0], 99, 9, 9); // another province
    }

    private static void row(String province, String unit, String name, String[] reason, long o, long n, long f) {
        sql(duck, "INSERT INTO mart.fix_summary VALUES ('" + province + "', 'Tỉnh " + (province.equals("51") ? "Quảng Ngãi" : "Gia Lai")
                + "', " + (unit == null ? "NULL" : "'" + unit + "'") + ", " + (name == null ? "NULL" : "'" + name + "'")
                + ", '" + reason[0] + "', '" + reason[1] + "', '" + reason[2] + "', '" + reason[3] + "', " + o + ", " + n
                + ", " + f + ", 'f-3333cccc4444dddd', DATE '2026-11-24', 'f-1111aaaa2222bbbb')");
        if (province.equals("51")) {
            open += o;
            fresh += n;
            fixed += f;
            lines++;
            if (unit != null && o > 0) {
                unitsOpen.add(unit);
            }
        }
    }

    @AfterAll
    static void close() throws SQLException {
        duck.close();
    }

    private static JasperPrint fill(String province, String name) {
        Map<String, Object> p = parameters(province, name, null);
        p.put("P_ISSUE_LINE", "Quảng Ngãi, ngày 24 tháng 11 năm 2026");
        return ENGINE.fill("fix_summary", p, duck);
    }

    @Test
    void pdfShowsEveryUnitAndReasonWithTotalsThatAddUp() {
        byte[] pdf = ENGINE.export(fill("51", "Tỉnh Quảng Ngãi"), ReportFormat.PDF);
        keep("fix-summary.pdf", pdf);
        String text = pdfText(pdf);
        String flat = text.replaceAll("\\s+", " ");
        assertTrue(flat.contains("TỔNG HỢP DỮ LIỆU CẦN SỬA TRÊN PHẦN MỀM CÔNG DÂN HỌC TẬP"), flat);
        assertTrue(flat.contains("Tỉnh Quảng Ngãi — dữ liệu đến đợt f-3333cccc4444dddd, nhận ngày 24/11/2026"), flat);
        for (String[] u : UNITS) {
            assertTrue(flat.contains(u[1] + " (mã " + u[0] + ")"), u[1]);
        }
        assertTrue(flat.contains("Không rõ đơn vị"), "rows without a known unit");
        assertFalse(flat.contains("Gia Lai"), "another province");
        assertTrue(flat.contains("Số CCCD không phải 12 chữ số"));
        assertTrue(flat.contains("Phiếu tự đánh giá") && flat.contains("Công nhận") && flat.contains("Tài khoản"));
        assertTrue(flat.contains("Tổng cộng " + n(open) + " " + n(fresh) + " " + n(fixed)), flat);
        assertTrue(flat.contains("So với đợt trước (f-1111aaaa2222bbbb): +" + n(fresh) + " mới, −" + n(fixed) + " đã sửa."), flat);
        assertTrue(flat.contains("1.2"), "thousands with a dot: " + flat);
        assertTrue(flat.contains("Toàn tỉnh: " + n(open) + " mục đang cần sửa ở " + unitsOpen.size()
                + " đơn vị và ở các dòng không rõ đơn vị."), flat);
        // the province first: its total, the change, the counts per reason; then unit by unit
        assertTrue(flat.indexOf("Theo lý do, toàn tỉnh") < flat.indexOf("Theo đơn vị"), flat);
        assertTrue(flat.indexOf("So với đợt trước") < flat.indexOf("Chi hội khuyến học thôn An Lạc"), flat);
        int pages = pdfPages(pdf);
        assertTrue(pages >= 2, "18 units do not fit on one page");
        assertTrue(text.contains("Trang 1/" + pages) && text.contains("Trang " + pages + "/" + pages));
        for (int page = 1; page <= pages; page++) {
            String on = pageText(pdf, page);
            if (on.contains("Trường") || on.contains("Chi hội") || on.contains("Tổng cộng")) {
                assertTrue(on.contains("Đơn vị / Dữ liệu"), "the column header on every page of the table: " + page);
            }
        }
    }

    @Test
    void xlsxTotalsAreTheSumOfItsRowsAndThePdfs() throws Exception {
        byte[] xlsx = ENGINE.export(fill("51", "Tỉnh Quảng Ngãi"), ReportFormat.XLSX);
        keep("fix-summary.xlsx", xlsx);
        String pdf = pdfText(ENGINE.export(fill("51", "Tỉnh Quảng Ngãi"), ReportFormat.PDF)).replaceAll("\\s+", " ");
        try (Workbook wb = workbook(xlsx)) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("Tổng hợp cần sửa", sheet.getSheetName());
            // the table per reason, first: its rows add up to the province's total
            Row reasons = rowWith(sheet, "Đang cần sửa");
            long[] perReason = new long[3];
            for (int r = reasons.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row x = sheet.getRow(r);
                if (x == null) {
                    continue;
                }
                if (strings(x).contains("Theo đơn vị")) {
                    break;
                }
                perReason[0] += number(x, columnOf(reasons, "Đang cần sửa"));
                perReason[1] += number(x, columnOf(reasons, "Mới trong đợt"));
                perReason[2] += number(x, columnOf(reasons, "Đã sửa trong đợt"));
            }
            assertEquals(List.of(open, fresh, fixed), List.of(perReason[0], perReason[1], perReason[2]), "per reason");
            Row header = rowWith(sheet, "Đơn vị / Dữ liệu"); // then the table per unit
            int stt = columnOf(header, "STT");
            int unit = columnOf(header, "Đơn vị / Dữ liệu");
            int reason = columnOf(header, "Lý do");
            int openCol = columnOf(header, "Đang cần sửa");
            int newCol = columnOf(header, "Mới trong đợt");
            int fixedCol = columnOf(header, "Đã sửa trong đợt");
            long[] detail = new long[3];
            long[] units = new long[3];
            long[] current = null;
            int details = 0;
            List<String> names = new ArrayList<>();
            Row total = null;
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row x = sheet.getRow(r);
                if (x == null) {
                    continue;
                }
                if (strings(x).contains("Tổng cộng")) {
                    total = x;
                    break;
                }
                if (x.getCell(stt) != null && x.getCell(stt).getCellType() == CellType.NUMERIC) {
                    // a unit's line: its sums, which its rows below must add up to
                    if (current != null) {
                        assertEquals(List.of(0L, 0L, 0L), List.of(current[0], current[1], current[2]), names::toString);
                    }
                    names.add(text(x, unit));
                    current = new long[] {number(x, openCol), number(x, newCol), number(x, fixedCol)};
                    for (int i = 0; i < 3; i++) {
                        units[i] += current[i];
                    }
                    continue;
                }
                assertFalse(text(x, reason).isEmpty(), "a detail row has its reason");
                assertEquals(CellType.NUMERIC, x.getCell(openCol).getCellType(), "counts as numbers");
                long[] row = {number(x, openCol), number(x, newCol), number(x, fixedCol)};
                for (int i = 0; i < 3; i++) {
                    detail[i] += row[i];
                    current[i] -= row[i];
                }
                details++;
            }
            assertEquals(List.of(0L, 0L, 0L), List.of(current[0], current[1], current[2]), "the last unit's line");
            assertEquals(lines, details, "one row per unit and reason");
            assertTrue(total != null, "a Tổng cộng row");
            long[] totals = {number(total, openCol), number(total, newCol), number(total, fixedCol)};
            assertEquals(open, totals[0]);
            assertEquals(fresh, totals[1]);
            assertEquals(fixed, totals[2]);
            assertEquals(totals[0], detail[0], "the total is the sum of the rows");
            assertEquals(totals[1], detail[1]);
            assertEquals(totals[2], detail[2]);
            assertEquals(totals[0], units[0], "the total is the sum of the units' lines");
            assertEquals(totals[1], units[1]);
            assertEquals(totals[2], units[2]);
            assertTrue(pdf.contains("Tổng cộng " + n(totals[0]) + " " + n(totals[1]) + " " + n(totals[2])),
                    "the same totals in the PDF");

            // Vietnamese order of the units (Đ after D, "số 2" before "số 10"), the rows without a unit last
            List<String> fixed = new ArrayList<>();
            for (String[] u : ORDERED) {
                fixed.add(u[1] + " (mã " + u[0] + ")");
            }
            List<String> sorted = new ArrayList<>(fixed);
            sorted.sort(VietnameseCollation.names());
            assertEquals(sorted, fixed, "the fixture's six units are in Vietnamese order");
            assertEquals(fixed, names.stream().filter(fixed::contains).toList());
            List<String> expected = new ArrayList<>();
            for (String[] u : UNITS) {
                expected.add(u[1] + " (mã " + u[0] + ")");
            }
            expected.sort(VietnameseCollation.names());
            expected.add("Không rõ đơn vị (mã đơn vị trống hoặc không có trong dữ liệu)");
            assertEquals(expected, names);
            assertTrue(names.indexOf("Chi hội khuyến học thôn Dung Quất (mã C0000012)")
                    < names.indexOf("Chi hội khuyến học thôn Đồng Tâm (mã C0000003)"), "D before Đ");
        }
    }

    @Test
    void aProvinceWithNothingToFixSaysSo() {
        byte[] pdf = ENGINE.export(fill("01", "Thành phố Hà Nội"), ReportFormat.PDF);
        keep("fix-summary-empty.pdf", pdf);
        String flat = pdfText(pdf).replaceAll("\\s+", " ");
        assertTrue(flat.contains("THÀNH PHỐ HÀ NỘI"), flat);
        assertTrue(flat.contains("Không có dòng dữ liệu nào cần sửa."), flat);
        assertTrue(flat.contains("Tổng cộng 0 0 0"), flat);
        assertEquals(1, pdfPages(pdf));
    }

    private static String pageText(byte[] pdf, int page) {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return java.text.Normalizer.normalize(stripper.getText(doc), java.text.Normalizer.Form.NFC);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String n(long v) {
        return java.text.NumberFormat.getIntegerInstance(ReportEngine.VIETNAMESE).format(v);
    }

    private static List<String> strings(Row r) {
        List<String> out = new ArrayList<>();
        for (Cell c : r) {
            if (c.getCellType() == CellType.STRING) {
                out.add(c.getStringCellValue().strip());
            }
        }
        return out;
    }

    private static String text(Row r, int column) {
        Cell c = r.getCell(column);
        return c == null || c.getCellType() != CellType.STRING ? "" : c.getStringCellValue().strip();
    }

    private static long number(Row r, int column) {
        Cell c = r.getCell(column);
        return c == null || c.getCellType() != CellType.NUMERIC ? 0 : (long) c.getNumericCellValue();
    }
}
