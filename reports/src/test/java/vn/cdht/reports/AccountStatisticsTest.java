package vn.cdht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The account statistics table (Biểu thống kê tài khoản), filled from mart.coverage with the issue-13 columns: the
 * printed whole numbers of split communes add up to the printed total, identically in the PDF and in the XLSX cells;
 * a commune without data says "chưa có số liệu" and why; ties share the mart's rank.
 */
class AccountStatisticsTest extends UnitReportTest {

    private static Connection duck;

    /** One commune of the 2025 fixture: its printed counts (eligible, registered, assessed, achieved, recognised). */
    private record Commune(String code, String pdfLine, long[] printed) {
    }

    /*
     * Province 51 (2025 geography), October 2026. Raw counts (eligible, registered, assessed, achieved, recognised)
     * and the largest-remainder printed values (the province's whole sums, remainders distributed largest first):
     *   21001 Xã Cà Đam *          40.5  18.5 1.4 0.5 0.25  -> 41 19 2 1 0
     *   21002 Xã Sơn Tây *         30.25 10.25 1.4 0.25 0.5 -> 30 10 1 0 1
     *   21003 Phường Trương Quang Trọng * 20.25 3.25 1.2 0.25 0.25 -> 20 3 1 0 0
     *   21004 Xã Ba Tơ             100 60 50 40 10
     *   21005 Đặc khu Lý Sơn       no_predecessor: nothing
     *   21006 Xã Sơn Hà            no_population: 0 eligible, 5 2 1 0
     *   21007 Xã Minh Long         10 9 8 7 6
     *   province                   201 106 64 49 17
     * Rounded one by one, the assessed column would print 1+1+1+50+2+8 = 63 under a total of 64.
     */
    private static final List<Commune> COMMUNES = List.of(
            new Commune("21001", "1 21001 Xã Cà Đam * 41 19 45,7% 2 3,5% 1 1,2% 0 0,6% Chưa đạt 3", new long[] {41, 19, 2, 1, 0}),
            new Commune("21002", "2 21002 Xã Sơn Tây * 30 10 33,9% 1 4,6% 0 0,8% 1 1,7% Chưa đạt 5", new long[] {30, 10, 1, 0, 1}),
            new Commune("21003", "3 21003 Phường Trương Quang Trọng * 20 3 16,0% 1 5,9% 0 1,2% 0 1,2% Chưa đạt 3",
                    new long[] {20, 3, 1, 0, 0}),
            new Commune("21004", "4 21004 Xã Ba Tơ 100 60 60,0% 50 50,0% 40 40,0% 10 10,0% Chưa đạt 2",
                    new long[] {100, 60, 50, 40, 10}),
            new Commune("21005", null, new long[] {0, 0, 0, 0, 0}),
            new Commune("21006", null, new long[] {0, 5, 2, 1, 0}),
            new Commune("21007", "7 21007 Xã Minh Long 10 9 90,0% 8 80,0% 7 70,0% 6 60,0% Đạt 1", new long[] {10, 9, 8, 7, 6}));
    private static final long[] TOTAL = {201, 106, 64, 49, 17};
    private static final String TOTAL_LINE = "Tổng cộng 201 106 52,7% 64 31,8% 49 24,4% 17 8,5% 1/5 xã";

    @BeforeAll
    static void database() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
        ReportData.installFunctions(duck);
        sql(duck, "CREATE SCHEMA mart",
                "CREATE TABLE mart.coverage (geography VARCHAR, level VARCHAR, year INTEGER, as_of_month VARCHAR,"
                        + " is_latest_month BOOLEAN, province_code VARCHAR, province_name VARCHAR, district_code VARCHAR,"
                        + " district_name VARCHAR, commune_code VARCHAR, commune_name VARCHAR, eligible DECIMAL(18,4),"
                        + " registered DECIMAL(18,4), assessed DECIMAL(18,4), achieved DECIMAL(18,4),"
                        + " recognised DECIMAL(18,4), registered_rate DOUBLE, assessed_rate DOUBLE, achieved_rate DOUBLE,"
                        + " recognised_rate DOUBLE, assessed_of_registered DOUBLE, achieved_of_registered DOUBLE,"
                        + " recognised_of_registered DOUBLE, reaches_threshold BOOLEAN, approximate BOOLEAN,"
                        + " as_of_date DATE, month_complete BOOLEAN, is_reported_month BOOLEAN, eligible_printed BIGINT,"
                        + " registered_printed BIGINT, assessed_printed BIGINT, achieved_printed BIGINT,"
                        + " recognised_printed BIGINT, rank_in_province INTEGER, no_data_reason VARCHAR)",
                // the standing commune threshold, as mart.targets carries it
                "CREATE TABLE mart.targets (level VARCHAR, target_year INTEGER, indicator VARCHAR, target_rate DOUBLE)",
                "INSERT INTO mart.targets VALUES ('commune', NULL, 'achieved_of_eligible', 0.6)");
        String p = "'2025', %s, '51', 'Tỉnh Quảng Ngãi', NULL, NULL, ";
        row(p.formatted("'commune'") + "'21001', 'Xã Cà Đam'", "40.5, 18.5, 1.4, 0.5, 0.25", "41, 19, 2, 1, 0", "3", "false", true, null);
        row(p.formatted("'commune'") + "'21002', 'Xã Sơn Tây'", "30.25, 10.25, 1.4, 0.25, 0.5", "30, 10, 1, 0, 1", "5", "false", true, null);
        row(p.formatted("'commune'") + "'21003', 'Phường Trương Quang Trọng'", "20.25, 3.25, 1.2, 0.25, 0.25", "20, 3, 1, 0, 0", "3",
                "false", true, null);
        row(p.formatted("'commune'") + "'21004', 'Xã Ba Tơ'", "100, 60, 50, 40, 10", "100, 60, 50, 40, 10", "2", "false", false, null);
        row(p.formatted("'commune'") + "'21005', 'Đặc khu Lý Sơn'", "0, 0, 0, 0, 0", "0, 0, 0, 0, 0", "NULL", "NULL", false,
                "no_predecessor");
        row(p.formatted("'commune'") + "'21006', 'Xã Sơn Hà'", "0, 5, 2, 1, 0", "0, 5, 2, 1, 0", "NULL", "NULL", false, "no_population");
        row(p.formatted("'commune'") + "'21007', 'Xã Minh Long'", "10, 9, 8, 7, 6", "10, 9, 8, 7, 6", "1", "true", false, null);
        row(p.formatted("'province'") + "NULL, NULL", "201, 106, 64, 49, 17", "201, 106, 64, 49, 17", "NULL", "NULL", true, null);
        // another province: not in the table
        row("'2025', 'commune', '52', 'Tỉnh Khác', NULL, NULL, '22001', 'Xã Khác'", "10, 1, 1, 1, 1", "10, 1, 1, 1, 1", "1",
                "false", false, null);
        // November 2026, not over by the data's as-of date
        sql(duck, "INSERT INTO mart.coverage SELECT * REPLACE ('2026-11' AS as_of_month, DATE '2026-11-24' AS as_of_date,"
                + " false AS month_complete) FROM mart.coverage WHERE as_of_month = '2026-10'");

        // 2024 geography, province 40 with two districts: communes add up to their district, districts to the province
        String d = "'2024', %s, '40', 'Tỉnh Cũ', %s, ";
        row(d.formatted("'commune'", "'401', 'Huyện Một'") + "'40101', 'Xã Bắc'", "10.5, 5.5, 2, 1, 0", "11, 6, 2, 1, 0", "1", "false", true, null);
        row(d.formatted("'commune'", "'401', 'Huyện Một'") + "'40102', 'Xã Nam'", "10.5, 4.5, 2, 0, 0", "10, 4, 2, 0, 0", "2", "false", true, null);
        row(d.formatted("'commune'", "'402', 'Huyện Hai'") + "'40201', 'Xã Đông'", "5, 1, 0, 0, 0", "5, 1, 0, 0, 0", "3", "false", false, null);
        row(d.formatted("'district'", "'401', 'Huyện Một'") + "NULL, NULL", "21, 10, 4, 1, 0", "21, 10, 4, 1, 0", "NULL", "NULL", true, null);
        row(d.formatted("'district'", "'402', 'Huyện Hai'") + "NULL, NULL", "5, 1, 0, 0, 0", "5, 1, 0, 0, 0", "NULL", "NULL", false, null);
        row(d.formatted("'province'", "NULL, NULL") + "NULL, NULL", "26, 11, 4, 1, 0", "26, 11, 4, 1, 0", "NULL", "NULL", true, null);
        sql(duck, "UPDATE mart.coverage SET year = 2024, as_of_month = '2024-10', as_of_date = DATE '2024-10-31'"
                + " WHERE geography = '2024'");
    }

    /** A row of October 2026; rates of the unrounded counts (NULL without data). */
    private static void row(String area, String counts, String printed, String rank, String reaches, boolean approximate,
                            String reason) {
        String r = reason == null ? "NULL" : "'" + reason + "'";
        sql(duck, "INSERT INTO mart.coverage SELECT geography, level, 2026, '2026-10', true, province_code, province_name,"
                + " district_code, district_name, commune_code, commune_name, e, g, a, h, c,"
                + " CASE WHEN reason IS NULL THEN g / e END, CASE WHEN reason IS NULL THEN a / e END,"
                + " CASE WHEN reason IS NULL THEN h / e END, CASE WHEN reason IS NULL THEN c / e END,"
                + " a / nullif(g, 0), h / nullif(g, 0), c / nullif(g, 0), " + reaches + ", " + approximate + ","
                + " DATE '2026-10-31', true, true, " + printed + ", " + rank + ", reason"
                + " FROM (SELECT " + area + ") a0(geography, level, province_code, province_name, district_code, district_name, commune_code, commune_name),"
                + " (SELECT " + counts + ", " + r + ") a1(e, g, a, h, c, reason)");
    }

    @AfterAll
    static void close() throws SQLException {
        duck.close();
    }

    private static byte[] render(String scope, String area, String geography, String period, ReportFormat format) {
        Map<String, Object> p = parameters(scope, area, null);
        p.put("P_GEOGRAPHY", geography);
        p.put("P_YEAR", Integer.parseInt(period.substring(0, 4)));
        p.put("P_PERIOD", period);
        p.put("P_PERIOD_LABEL", "tháng " + Integer.parseInt(period.substring(5)) + "/" + period.substring(0, 4));
        return ENGINE.export(ENGINE.fill("account_statistics", p, duck), format);
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void printedRowsAddUpToThePrintedTotalInThePdf() {
        byte[] pdf = render("51", "Tỉnh Quảng Ngãi", "2025", "2026-10", ReportFormat.PDF);
        keep("account-statistics.pdf", pdf);
        String text = pdfText(pdf);
        String flat = flat(text);
        for (Commune c : COMMUNES) {
            if (c.pdfLine() != null) {
                assertTrue(flat.contains(c.pdfLine()), c.pdfLine() + " in\n" + text);
            }
        }
        assertTrue(flat.contains(TOTAL_LINE), text);
        for (int col = 0; col < TOTAL.length; col++) {
            long sum = 0;
            for (Commune c : COMMUNES) {
                sum += c.printed()[col];
            }
            assertEquals(TOTAL[col], sum, "column " + col + " of the fixture adds up");
        }
        assertFalse(flat.contains("Xã Khác"), "another province");
        assertTrue(flat.contains("số liệu lũy kế đến hết tháng 10/2026"), flat);
    }

    @Test
    void theTitleNamesAchievedAsASelfAssessmentAndTheNotesSayHowCountsAreRounded() {
        String flat = flat(pdfText(render("51", "Tỉnh Quảng Ngãi", "2025", "2026-10", ReportFormat.PDF)));
        assertFalse(flat.toLowerCase(Locale.ROOT).contains("đạt danh hiệu"), flat);
        assertTrue(flat.contains("Tự đánh giá đạt"), flat);
        assertTrue(flat.contains("được công nhận: được đơn vị công nhận danh hiệu Công dân học tập"), flat);
        assertTrue(flat.contains("tỷ lệ tính từ số liệu chưa làm tròn"), flat);
        assertTrue(flat.contains("* Số liệu ước tính: một phần được phân bổ từ xã cũ bị chia tách khi sắp xếp đơn vị hành"
                + " chính năm 2025. Số phân bổ được làm tròn để cộng các dòng đúng bằng dòng Tổng cộng."), flat);
        assertTrue(flat.contains("các xã cùng tỷ lệ cùng hạng"), flat);
    }

    @Test
    void aCommuneWithoutDataSaysSoAndWhyAndIsLeftOutOfTheCount() {
        String text = pdfText(render("51", "Tỉnh Quảng Ngãi", "2025", "2026-10", ReportFormat.PDF));
        String flat = flat(text);
        assertTrue(flat.contains("5 21005 Đặc khu Lý Sơn **"), text);
        assertTrue(flat.contains("6 21006 Xã Sơn Hà ** 5"), text);
        assertFalse(flat.contains("Đặc khu Lý Sơn ** 0"), "no population 0 printed for it");
        // 4 rates and the status of each of the two communes (wrapped on two lines in the narrow cells)
        assertEquals(10, count(flat.substring(0, flat.indexOf("** Chưa có số liệu:")), "chưa có số"),
                "rate and status cells of two communes: " + text);
        assertTrue(flat.contains("** Chưa có số liệu: Đặc khu Lý Sơn (xã mới không có xã cũ tương ứng trong bảng chuyển đổi);"
                + " Xã Sơn Hà (chưa có số liệu dân số trong độ tuổi); không tính vào số xã có số liệu."), flat);
        // 1 of the 5 communes with data reaches 60%
        assertTrue(flat.contains("1/5 xã"), flat);
        assertFalse(flat.contains("1/7 xã"), flat);
    }

    @Test
    void xlsxCellsHoldTheSameNumbersAsThePdfAndAddUpToTheTotal() throws Exception {
        byte[] xlsx = render("51", "Tỉnh Quảng Ngãi", "2025", "2026-10", ReportFormat.XLSX);
        keep("account-statistics.xlsx", xlsx);
        try (Workbook wb = workbook(xlsx)) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("Thống kê tài khoản", sheet.getSheetName());
            Row header = rowWith(sheet, "Dân số trong độ tuổi");
            int eligible = columnOf(header, "Dân số trong độ tuổi");
            assertEquals(3, eligible, "STT, code, name, then the eligible population");
            Row sub = sheet.getRow(header.getRowNum() + 1);
            assertEquals(eligible + 1, columnOf(sub, "Số tài khoản"));
            assertEquals(eligible + 2, columnOf(sub, "Tỷ lệ"));
            assertEquals(sub.getRowNum() + 1, sheet.getPaneInformation().getHorizontalSplitTopRow(), "frozen header");
            int[] countColumns = {eligible, eligible + 1, eligible + 3, eligible + 5, eligible + 7};
            int rankColumn = columnOf(header, "Xếp hạng trong tỉnh");
            assertEquals(eligible + 10, rankColumn);

            long[] sums = new long[TOTAL.length];
            for (Commune c : COMMUNES) {
                Row r = rowWith(sheet, c.code());
                assertEquals(CellType.NUMERIC, r.getCell(0).getCellType(), "STT");
                for (int col = 0; col < countColumns.length; col++) {
                    Cell cell = r.getCell(countColumns[col]);
                    long value = cell == null || cell.getCellType() == CellType.BLANK
                            || cell.getCellType() == CellType.STRING && cell.getStringCellValue().isEmpty()
                            ? 0 : (long) cell.getNumericCellValue();
                    if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                        assertEquals(cell.getNumericCellValue(), Math.rint(cell.getNumericCellValue()), "a whole number");
                        assertEquals("#,##0", cell.getCellStyle().getDataFormatString());
                    }
                    assertEquals(c.printed()[col], value, c.code() + " column " + countColumns[col] + " as in the PDF");
                    sums[col] += value;
                }
            }
            Row total = rowWith(sheet, "Tổng cộng");
            for (int col = 0; col < countColumns.length; col++) {
                assertEquals(TOTAL[col], (long) total.getCell(countColumns[col]).getNumericCellValue(), "total " + col);
                assertEquals(TOTAL[col], sums[col], "the rows add up to Tổng cộng, column " + col);
            }
            assertEquals(106 / 201.0, total.getCell(eligible + 2).getNumericCellValue(), 1e-9);
            assertEquals("1/5 xã", total.getCell(rankColumn - 1).getStringCellValue().strip());

            Row caDam = rowWith(sheet, "21001");
            assertEquals(18.5 / 40.5, caDam.getCell(eligible + 2).getNumericCellValue(), 1e-9, "rate of unrounded counts");
            assertEquals("#,##0.0%", caDam.getCell(eligible + 2).getCellStyle().getDataFormatString());
            assertEquals(3, caDam.getCell(rankColumn).getNumericCellValue());
            assertEquals(3, rowWith(sheet, "21003").getCell(rankColumn).getNumericCellValue(), "a tie shares the rank");
            assertEquals(5, rowWith(sheet, "21002").getCell(rankColumn).getNumericCellValue());

            Row lySon = rowWith(sheet, "21005");
            for (int col : new int[] {eligible + 2, eligible + 4, eligible + 6, eligible + 8, eligible + 9}) {
                assertEquals("chưa có số liệu", lySon.getCell(col).getStringCellValue().strip(), "column " + col);
            }
            Cell rank = lySon.getCell(rankColumn);
            assertTrue(rank == null || rank.getCellType() != CellType.NUMERIC, "no rank without data");
            assertTrue(strings(wb).stream().anyMatch(s -> s.startsWith("** Chưa có số liệu: Đặc khu Lý Sơn")));
        }
    }

    @Test
    void aMonthNotOverYetSaysTheDateItCounts() {
        String flat = flat(pdfText(render("51", "Tỉnh Quảng Ngãi", "2025", "2026-11", ReportFormat.PDF)));
        assertTrue(flat.contains("số liệu lũy kế đến hết ngày 24/11/2026 (tháng 11/2026 chưa kết thúc)"), flat);
    }

    @Test
    void districtsOfTheOldGeographyHaveTheirOwnPrintedSubtotals() {
        byte[] pdf = render("40", "Tỉnh Cũ", "2024", "2024-10", ReportFormat.PDF);
        keep("account-statistics-2024.pdf", pdf);
        String text = pdfText(pdf);
        String flat = flat(text);
        assertTrue(flat.contains("Huyện Một 1 40101 Xã Bắc * 11 6"), text);
        assertTrue(flat.contains("2 40102 Xã Nam * 10 4"), text);
        assertTrue(flat.contains("Cộng Huyện Một 21 10 47,6% 4 19,0% 1 4,8% 0 0,0% 0/2 xã"), text);
        assertTrue(flat.contains("Cộng Huyện Hai 5 1 20,0%"), text);
        assertTrue(flat.contains("Tổng cộng 26 11 42,3% 4 15,4% 1 3,8% 0 0,0% 0/3 xã"), text);
        assertTrue(flat.contains("* Số liệu ước tính: một phần số liệu chỉ có trên địa giới mới (từ 01/7/2025), được chia đều"
                + " lại cho các xã cũ. Số phân bổ được làm tròn để cộng các dòng đúng bằng dòng Cộng của huyện và dòng Tổng cộng."), flat);

        String district = flat(pdfText(render("401", "Huyện Một", "2024", "2024-10", ReportFormat.PDF)));
        assertTrue(district.contains("Tổng cộng 21 10 47,6%"), district);
        assertFalse(district.contains("Cộng Huyện Một"), "the total is the district's: no subtotal of it");
        assertFalse(district.contains("Xã Đông"), district);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
