package vn.cdht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The unit's fix-list (issue 18), filled by real JasperReports from a real in-memory DuckDB database shaped as the
 * marts of the contract: every open finding of the unit and nothing of another unit, the CCCD only masked and never
 * whole, no phone but the one to correct (masked), names with their diacritics, the count equal to the rows, the PDF
 * and the XLSX the same rows; a unit with nothing to fix gets a page saying so. The data is loaded as ReportData
 * loads it (ReportTables' filters over a database holding every unit), and also filled from the unfiltered database.
 */
class UnitFixListTest extends UnitReportTest {

    private static Connection all;
    private static Connection loaded;
    private static FixFixture fixture;

    @BeforeAll
    static void database() throws SQLException {
        all = DriverManager.getConnection("jdbc:duckdb:");
        ReportData.installFunctions(all);
        fixture = FixFixture.build(all, "");
        fixture.secrets.add("0912345678"); // in the pasted paragraph
        loaded = load(FixFixture.UNIT);
    }

    /** A database holding what ReportData loads for the unit's fix-list: ReportTables' filters, in the kind's order. */
    static Connection load(String unit) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        ReportData.installFunctions(c);
        sql(c, "ATTACH ':memory:' AS src");
        FixFixture.build(c, "src.");
        ReportRequest request = new ReportRequest(ReportKind.FIX_LIST, unit, Period.parse("2026-10"), ReportFormat.PDF,
                null, false, null);
        for (ReportData.TableLoad t : ReportTables.loads(request)) {
            String[] parts = t.table().split("\\.");
            sql(c, "CREATE SCHEMA IF NOT EXISTS " + parts[0], "CREATE TABLE " + t.table() + " AS SELECT * FROM src."
                    + t.table() + " d" + (t.filter() == null ? "" : " WHERE " + t.filter()));
        }
        sql(c, "DETACH src");
        return c;
    }

    @AfterAll
    static void close() throws SQLException {
        all.close();
        loaded.close();
    }

    /** As ReportService writes it for the fix-list's eleven tables. */
    static final String FOOTER = "Nguồn: cdht, kho dữ liệu Công dân học tập. Dữ liệu cập nhật lúc 24/11/2026 09:51."
            + " Ảnh chụp dữ liệu: core.accounts #8628181270135160098; core.units #2695201269230699053;"
            + " mart.fix_list #7466169301417444421; mart.fix_summary #1466169301417444422;"
            + " mart.unit_progress #7999661752796990209; raw.accounts #4503236503731636821;"
            + " raw.population #5503236503731636821; raw.recognitions #6503236503731636821;"
            + " raw.self_assessments #7503236503731636821; raw.units #8503236503731636821;"
            + " restricted.citizens #1503236503731636821.";

    private static JasperPrint fill(Connection c, String unit, String name) {
        Map<String, Object> p = parameters(unit, name, null);
        p.put("P_FOOTER", FOOTER);
        return ENGINE.fill("unit_fix_list", p, c);
    }

    private static byte[] pdf() {
        return ENGINE.export(fill(loaded, FixFixture.UNIT, FixFixture.UNIT_NAME), ReportFormat.PDF);
    }

    private static byte[] xlsx() {
        return ENGINE.export(fill(loaded, FixFixture.UNIT, FixFixture.UNIT_NAME), ReportFormat.XLSX);
    }

    @Test
    void onlyTheUnitsRowsAreLoaded() throws SQLException {
        assertEquals(FixFixture.LISTED, count(loaded, "SELECT count(*) FROM mart.fix_list"));
        assertEquals(0, count(loaded, "SELECT count(*) FROM mart.fix_list WHERE unit_code IS DISTINCT FROM '"
                + FixFixture.UNIT + "'"));
        assertEquals(0, count(loaded, "SELECT count(*) FROM restricted.citizens WHERE account_id NOT IN"
                + " (SELECT account_id FROM mart.fix_list WHERE account_id IS NOT NULL)"), "citizens of other units");
        assertEquals(0, count(loaded, "SELECT count(*) FROM core.accounts WHERE unit_code <> '" + FixFixture.UNIT + "'"));
        assertEquals(0, count(loaded, "SELECT count(*) FROM core.units WHERE unit_code <> '" + FixFixture.UNIT + "'"));
        for (String raw : List.of("accounts", "units", "self_assessments", "recognitions", "population")) {
            assertEquals(count(loaded, "SELECT count(*) FROM mart.fix_list WHERE entity = '" + raw + "'"),
                    count(loaded, "SELECT count(*) FROM raw." + raw), "raw." + raw + ": only the rows the list points at");
        }
        assertEquals(0, count(loaded, "SELECT count(*) FROM raw.accounts WHERE unit_code IS DISTINCT FROM '"
                + FixFixture.UNIT + "'"));
        String everything = dump(loaded);
        for (String other : fixture.otherAccounts) {
            assertFalse(everything.contains(other), "another unit's account loaded: " + other);
        }
        assertFalse(everything.contains("Hoàng Văn Khác"));
        assertFalse(everything.contains("051099999999"));
    }

    @Test
    void pdfListsEveryFindingOfTheUnitAndNothingOfAnother() {
        byte[] pdf = pdf();
        keep("fix-list.pdf", pdf);
        String text = pdfText(pdf);
        String flat = text.replaceAll("\\s+", " ");

        assertTrue(text.contains("DANH SÁCH DỮ LIỆU CẦN SỬA TRÊN PHẦN MỀM CÔNG DÂN HỌC TẬP"), text);
        assertTrue(text.contains("TRƯỜNG TIỂU HỌC NGHĨA HÀNH SỐ 2"));
        assertTrue(text.contains("Mã đơn vị: " + FixFixture.UNIT));
        assertTrue(flat.contains("Đơn vị: Trường Tiểu học Nghĩa Hành số 2 (mã B51pzCjW) — Xã Nghĩa Hành, Tỉnh Quảng Ngãi"), flat);
        assertTrue(flat.contains("Dữ liệu đến đợt " + FixFixture.BATCH + ", nhận ngày 24/11/2026"), flat);
        assertTrue(flat.contains("Không được nhận: dòng dữ liệu bị từ chối"), flat);
        assertTrue(flat.contains("Cần kiểm tra: dòng đã được nhận và được tính"), flat);
        assertTrue(text.contains("Quảng Ngãi, ngày 24 tháng 11 năm 2026"));

        // names intact (NFC), the latest one of a citizen; the name of an account not taken in, as written
        assertTrue(text.contains("Nguyễn Thị Ngọc Ánh"), text);
        assertTrue(text.contains("Đặng Quốc Huy"), text);
        assertFalse(text.contains("Ánh Cũ"), "an older name of the same citizen");
        for (String account : fixture.unitAccounts) {
            assertTrue(text.contains(account), "missing: " + account);
        }
        for (String other : fixture.otherAccounts) {
            assertFalse(text.contains(other), "another unit's account: " + other);
        }
        assertFalse(text.contains("Hoàng Văn Khác") || text.contains("Vũ Thị Ngoài") || text.contains("Mạc Văn Lạc"));

        // the reason and what to do, in plain Vietnamese, each in its column
        String reasons = column(pdf, 390, 504);
        String actions = column(pdf, 504, 610);
        String records = column(pdf, 180, 264);
        String values = column(pdf, 318, 390);
        assertTrue(reasons.contains("Số CCCD có 11 chữ số (mất chữ số 0 đầu tiên khi mở bằng Excel); đã được tự sửa"), reasons);
        assertTrue(reasons.contains("Tổng điểm khác tổng điểm của 10 tiêu chí"), reasons);
        assertTrue(actions.contains("Số CCCD có 11 chữ số: kiểm tra chữ số 0 đầu tiên"), actions);
        assertTrue(actions.contains("Nhập lại Số CCCD đúng 12 chữ số như trên thẻ"), actions);
        assertTrue(column(pdf, 610, 662).contains("Không được nhận") && column(pdf, 610, 662).contains("Cần kiểm tra"));
        assertTrue(column(pdf, 662, 686).contains("Mới"));
        assertTrue(records.contains("Phiếu tự đánh giá PDG2600002"), records);
        assertTrue(records.contains("Công nhận năm 2026") && records.contains("Thông tin đơn vị"), records);
        assertTrue(column(pdf, 264, 318).contains("Cả dòng"), "a whole-row finding");
        assertTrue(values.contains("(để trống)"), "a missing name");
        assertTrue(values.contains("31/11/2026") && values.contains("85,5") && values.contains("99999"), "as written: " + values);
        assertTrue(values.contains("TC1–10: 8; 8; 12; 8; 8; 8; 8; 8; 8; 8"), "the scores when no single one is named: " + values);
        assertTrue(column(pdf, 264, 318).contains("Điểm tiêu chí"), "the mart's label when no single field is at fault");

        // the count at the end is the rows printed: STT 1..41 in order, one row each
        assertTrue(flat.contains("Tổng số mục cần sửa: " + FixFixture.LISTED), flat);
        List<Integer> stt = new ArrayList<>();
        for (String n : column(pdf, 0, 20).split(" ")) {
            if (n.matches("\\d+")) {
                stt.add(Integer.parseInt(n));
            }
        }
        assertEquals(java.util.stream.IntStream.rangeClosed(1, FixFixture.LISTED).boxed().toList(), stt);
        assertTrue(flat.contains("Số tài khoản có dữ liệu cần sửa: " + fixture.unitAccounts.size()), flat);
        assertTrue(flat.contains("So với đợt trước (" + FixFixture.PREVIOUS + "): "), flat);
        assertTrue(flat.contains("2 mục đã được sửa."), "the unit's rows_fixed in mart.fix_summary: " + flat);

        int pages = pdfPages(pdf);
        assertTrue(pages >= 2, "40 findings do not fit on one page");
        assertTrue(text.contains("Trang " + pages + "/" + pages));
        assertTrue(text.contains("Trang 1/" + pages));
        int headers = text.split("Cần sửa trên phần mềm", -1).length - 1;
        assertTrue(headers == pages || headers == pages - 1 && !column(pdf, 0, 20).isEmpty(),
                "the column header on every page of the table (the totals may have a page of their own): " + headers);
    }

    @Test
    void theCccdIsOnlyMaskedAndNoPhoneButTheOneToCorrect() {
        String text = pdfText(pdf());
        String compact = text.replaceAll("\\s+", "");
        assertTrue(text.contains("051*******53"), "Nguyễn Thị Ngọc Ánh's CCCD, typed with spaces, masked");
        assertTrue(text.contains("051*******55"), "Đặng Quốc Huy's CCCD with a letter, masked");
        assertTrue(text.contains("*******456"), "the phone to correct: its last three digits");
        assertTrue(text.contains("091*****78") && text.contains("051*******58"), "numbers inside a pasted paragraph");
        for (String secret : fixture.secrets) {
            assertFalse(compact.contains(secret.replaceAll("\\s+", "")), "printed whole: " + secret);
        }
        // no run of 9 digits or more (within a word) but the 19-digit snapshot ids of the footer
        Matcher runs = Pattern.compile("\\d{9,}").matcher(text.replaceAll("#\\d+", "#"));
        assertFalse(runs.find(), () -> "a long run of digits: " + runs.group());
        assertFalse(Pattern.compile("\\d{4}\\*|\\*\\d{4}").matcher(text).find(), "more digits kept than the mask keeps");
    }

    @Test
    void theUnfilteredDatabaseGivesTheSameList() {
        String fromAll = pdfText(ENGINE.export(fill(all, FixFixture.UNIT, FixFixture.UNIT_NAME), ReportFormat.PDF));
        String fromLoaded = pdfText(pdf());
        assertEquals(fromLoaded, fromAll, "the template selects the unit's rows itself");
    }

    @Test
    void xlsxHasTheSameRowsTypedAndMasked() throws Exception {
        byte[] xlsx = xlsx();
        keep("fix-list.xlsx", xlsx);
        String names = column(pdf(), 88, 180);
        try (Workbook wb = workbook(xlsx)) {
            assertEquals(1, wb.getNumberOfSheets());
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("Dữ liệu cần sửa", sheet.getSheetName());
            Row header = rowWith(sheet, "Giá trị trong tệp");
            int stt = columnOf(header, "STT");
            int account = columnOf(header, "Mã tài khoản");
            int name = columnOf(header, "Họ và tên");
            int value = columnOf(header, "Giá trị trong tệp");
            int status = columnOf(header, "Tình trạng");
            int row = columnOf(header, "Dòng");
            columnOf(header, "Lý do");
            columnOf(header, "Cần sửa trên phần mềm");
            assertEquals(header.getRowNum() + 1, sheet.getPaneInformation().getHorizontalSplitTopRow(), "frozen header");

            int rows = 0;
            Set<String> accounts = new LinkedHashSet<>();
            List<String> values = new ArrayList<>();
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row x = sheet.getRow(r);
                Cell first = x == null ? null : x.getCell(stt);
                if (first == null || first.getCellType() != CellType.NUMERIC) {
                    break;
                }
                rows++;
                assertEquals(rows, (int) first.getNumericCellValue());
                assertEquals(CellType.NUMERIC, x.getCell(row).getCellType(), "the row number as a number");
                assertTrue(List.of("Không được nhận", "Cần kiểm tra").contains(x.getCell(status).getStringCellValue()));
                Cell a = x.getCell(account);
                if (a != null && a.getCellType() == CellType.STRING && !a.getStringCellValue().isBlank()) {
                    accounts.add(a.getStringCellValue().strip());
                }
                Cell v = x.getCell(value);
                values.add(v == null || v.getCellType() != CellType.STRING ? "" : v.getStringCellValue().strip());
                Cell n = x.getCell(name);
                if (n != null && n.getCellType() == CellType.STRING && !n.getStringCellValue().isBlank()) {
                    assertTrue(names.contains(n.getStringCellValue().replaceAll("\\s+", " ").strip()), n.getStringCellValue());
                }
            }
            assertEquals(FixFixture.LISTED, rows);
            assertEquals(new TreeSet<>(fixture.unitAccounts), new TreeSet<>(accounts), "the unit's accounts, no other");
            assertTrue(values.contains("051*******53"), values::toString);
            assertTrue(values.contains("*******456"), values::toString);
            // the same values, in the same order, in the PDF's column
            assertEquals(String.join("", values).replaceAll("\\s+", ""),
                    column(pdf(), 318, 390).replaceAll("\\s+", ""), "the value column of the PDF and of the XLSX");

            Row total = rowWith(sheet, "Tổng số mục cần sửa:");
            assertEquals(FixFixture.LISTED, (int) firstNumber(total, columnOf(total, "Tổng số mục cần sửa:")));

            String every = String.join("\n", strings(wb)).replaceAll("\\s+", "");
            for (String secret : fixture.secrets) {
                assertFalse(every.contains(secret.replaceAll("\\s+", "")), "in the XLSX whole: " + secret);
            }
            assertFalse(every.contains("Hoàng Văn Khác"));
        }
    }

    @Test
    void citizensAreInVietnameseOrderOfGivenNameTheUnitsOwnRowFirst() throws Exception {
        try (Workbook wb = workbook(xlsx())) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = rowWith(sheet, "Giá trị trong tệp");
            int stt = columnOf(header, "STT");
            int name = columnOf(header, "Họ và tên");
            int record = columnOf(header, "Bản ghi");
            List<String> names = new ArrayList<>();
            String firstRecord = null;
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row x = sheet.getRow(r);
                if (x == null || x.getCell(stt) == null || x.getCell(stt).getCellType() != CellType.NUMERIC) {
                    break;
                }
                if (firstRecord == null) {
                    firstRecord = x.getCell(record).getStringCellValue();
                }
                Cell n = x.getCell(name);
                // (not the pasted paragraph, sorted by its last word as written)
                if (n != null && n.getCellType() == CellType.STRING && !n.getStringCellValue().isBlank()
                        && !n.getStringCellValue().contains("(")) {
                    names.add(n.getStringCellValue().strip());
                }
            }
            assertEquals("Thông tin đơn vị", firstRecord);
            List<String> expected = new ArrayList<>(names);
            java.util.function.Function<String, String> given = n -> n.substring(n.lastIndexOf(' ') + 1);
            expected.sort(java.util.Comparator.comparing(given, VietnameseCollation.names())
                    .thenComparing(VietnameseCollation.names()));
            assertEquals(expected, names);
            assertTrue(names.indexOf("Nguyễn Thị Ngọc Ánh") < names.indexOf("Đặng Quốc Huy"), names::toString);
        }
    }

    @Test
    void aUnitWhoseOwnRowWasNotTakenInIsNamedAsWrittenAndToldWhatToFixFirst() throws Exception {
        try (Connection c = load(FixFixture.PENDING)) {
            byte[] pdf = ENGINE.export(fill(c, FixFixture.PENDING, FixFixture.PENDING), ReportFormat.PDF);
            keep("fix-list-pending-unit.pdf", pdf);
            String flat = pdfText(pdf).replaceAll("\\s+", " ");
            assertTrue(flat.contains("CHI HỘI KHUYẾN HỌC THÔN BẮC"), "its name as its own row wrote it: " + flat);
            assertTrue(flat.contains("Lưu ý: thông tin của chính đơn vị chưa được nhận"), flat);
            assertTrue(flat.contains("Sửa thông tin đơn vị trước: 2 mục về mã đơn vị của công dân sẽ tự hết"), flat);
            assertTrue(flat.contains("Tổng số mục cần sửa: 3"), flat);
        }
        String unit = pdfText(pdf()).replaceAll("\\s+", " ");
        assertFalse(unit.contains("Lưu ý: thông tin của chính đơn vị"), "not for a unit whose citizens' code is known");
    }

    @Test
    void aUnitWithNothingToFixGetsAPageSayingSo() throws Exception {
        try (Connection c = load(FixFixture.CLEAN)) {
            assertEquals(0, count(c, "SELECT count(*) FROM mart.fix_list"));
            byte[] pdf = ENGINE.export(fill(c, FixFixture.CLEAN, "Chi hội khuyến học thôn Đông"), ReportFormat.PDF);
            keep("fix-list-empty.pdf", pdf);
            String text = pdfText(pdf);
            String flat = text.replaceAll("\\s+", " ");
            assertEquals(1, pdfPages(pdf));
            assertTrue(text.contains("CHI HỘI KHUYẾN HỌC THÔN ĐÔNG"), text);
            assertTrue(flat.contains("Không có dòng dữ liệu nào cần sửa."), flat);
            assertTrue(flat.contains("Dữ liệu đến đợt " + FixFixture.BATCH + ", nhận ngày 24/11/2026"),
                    "the batch from the province's summary: " + flat);
            assertTrue(flat.contains("Xã Nghĩa Hành, Tỉnh Quảng Ngãi"), flat);
            assertFalse(flat.contains("Tổng số mục cần sửa"));
            assertTrue(text.contains("Trang 1/1"));
            try (Workbook wb = workbook(ENGINE.export(fill(c, FixFixture.CLEAN, "Chi hội"), ReportFormat.XLSX))) {
                assertTrue(strings(wb).stream().anyMatch(s -> s.contains("Không có dòng dữ liệu nào cần sửa.")));
            }
        }
    }

    /**
     * The text of one column of the table (x on the template's grid), every page, below the column header and above
     * the page footer, its lines joined by spaces: what a reader reads down that column.
     */
    static String column(byte[] pdf, int x0, int x1) {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            StringBuilder out = new StringBuilder();
            for (int page = 0; page < doc.getNumberOfPages(); page++) {
                org.apache.pdfbox.text.PDFTextStripperByArea area = new org.apache.pdfbox.text.PDFTextStripperByArea();
                area.setSortByPosition(true);
                float top = page == 0 ? 28 + 150 + 30 : 28 + 30;
                area.addRegion("c", new java.awt.geom.Rectangle2D.Float(28 + x0 + 0.5f, top, x1 - x0 - 1, 595 - 28 - 40 - top));
                area.extractRegions(doc.getPage(page));
                out.append(area.getTextForRegion("c")).append(' ');
            }
            return java.text.Normalizer.normalize(out.toString(), java.text.Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every value of every loaded table, as text. */
    private static String dump(Connection c) throws SQLException {
        StringBuilder out = new StringBuilder();
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT schema_name || '.' || table_name FROM duckdb_tables()")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String t : tables) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + t)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        out.append(rs.getString(i)).append('|');
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

}
