package vn.cdht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The units' registration report, filled from mart.unit_progress in an in-memory DuckDB database. */
class UnitRegistrationTest extends UnitReportTest {

    private static Connection duck;

    @BeforeAll
    static void database() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
        ReportData.installFunctions(duck);
        sql(duck, "CREATE SCHEMA mart",
                "CREATE TABLE mart.unit_progress (year INTEGER, unit_code VARCHAR, unit_name VARCHAR, unit_type VARCHAR,"
                        + " unit_category VARCHAR, province_code_2025 VARCHAR, province_name_2025 VARCHAR,"
                        + " commune_code_2025 VARCHAR, commune_name_2025 VARCHAR, province_code_2024 VARCHAR,"
                        + " district_code_2024 VARCHAR, district_name_2024 VARCHAR, commune_code_2024 VARCHAR,"
                        + " members BIGINT, registered BIGINT, assessed BIGINT, achieved BIGINT, recognised BIGINT,"
                        + " registered_rate DOUBLE, assessed_rate DOUBLE, achieved_rate DOUBLE, recognised_rate DOUBLE)",
                unit("SchA0001", "Trường THCS Nghĩa Hành", "school", "51", "21439", "Phường Đức Phổ", "534", 1200, 1100, 547, 400),
                unit("SchB0002", "Trường Tiểu học Phổ Minh", "school", "51", "21439", "Phường Đức Phổ", "534", 34, 30, 20, 10),
                unit("SchC0003", "Trường Mầm non Hành Thiện", "school", "51", "21400", "Xã Đức Hòa", "533", 0, 0, 0, 0),
                unit("SchD0004", "Trường THPT Trà Bùi", "school", "51", null, null, "525", 10, 4, 2, 1),
                unit("Agy00005", "Ủy ban MTTQ xã Đức Hòa", "state_agency", "51", "21400", "Xã Đức Hòa", "533", 20, 18, 9, 9),
                unit("Ent00006", "Công ty TNHH Sao Việt", "enterprise", "51", "21439", "Phường Đức Phổ", "534", 3, 1, 1, 0),
                unit("Oth00007", "Trường THCS Tỉnh Khác", "school", "52", "22000", "Xã Khác", "540", 99, 99, 99, 99),
                "INSERT INTO mart.unit_progress SELECT * REPLACE (2025 AS year, 7 AS members) FROM mart.unit_progress"
                        + " WHERE unit_code = 'SchA0001'",
                // province 53: names to sort (Vietnamese letters, numbers by value)
                unit("Ord00001", "Trường Tiểu học số 10", "school", "53", "23000", "Xã Một", "560", 1, 1, 1, 1),
                unit("Ord00002", "Trường Tiểu học Đông", "school", "53", "23000", "Xã Một", "560", 1, 1, 1, 1),
                unit("Ord00003", "Trường Tiểu học số 6", "school", "53", "23000", "Xã Một", "560", 1, 1, 1, 1),
                unit("Ord00004", "Trường Tiểu học Bình", "school", "53", "23000", "Xã Một", "560", 1, 1, 1, 1),
                unit("Ord00005", "Trường Tiểu học Bắc", "school", "53", "23000", "Xã Một", "560", 1, 1, 1, 1),
                unit("Ord00006", "Trường Tiểu học Dương", "school", "53", "23000", "Xã Một", "560", 1, 1, 1, 1));
    }

    private static String unit(String code, String name, String category, String province, String commune,
                               String communeName, String district, long members, long registered, long assessed,
                               long achieved) {
        String rate = members == 0 ? "NULL" : "%s / " + members + ".0";
        return "INSERT INTO mart.unit_progress VALUES (2026, '" + code + "', '" + name + "', 'x', '" + category + "', '"
                + province + "', 'Tỉnh Quảng Ngãi', " + (commune == null ? "NULL" : "'" + commune + "'") + ", "
                + (communeName == null ? "NULL" : "'" + communeName + "'") + ", '" + province + "', '" + district
                + "', 'Huyện X', NULL, " + members + ", " + registered + ", " + assessed + ", " + achieved + ", 0, "
                + rate.formatted(registered) + ", " + rate.formatted(assessed) + ", " + rate.formatted(achieved) + ", 0)";
    }

    @AfterAll
    static void close() throws SQLException {
        duck.close();
    }

    private static byte[] render(String scope, String area, String category, ReportFormat format) {
        Map<String, Object> p = parameters(scope, area, category);
        return ENGINE.export(ENGINE.fill("unit_registration", p, duck), format);
    }

    @Test
    void schoolsOfAProvinceWithTotalsInTheVietnameseFormat() {
        byte[] pdf = render("51", "Tỉnh Quảng Ngãi", "school", ReportFormat.PDF);
        keep("unit-report-school.pdf", pdf);
        String text = pdfText(pdf);
        String flat = text.replaceAll("\\s+", " ");
        assertTrue(text.contains("BÁO CÁO KẾT QUẢ ĐĂNG KÝ TÀI KHOẢN VÀ TỰ ĐÁNH GIÁ “CÔNG DÂN HỌC TẬP”"), text);
        assertTrue(text.contains("Loại đơn vị: Trường học — Tỉnh Quảng Ngãi"));
        assertTrue(text.contains("Trường THCS Nghĩa Hành"));
        assertTrue(text.contains("Trường Mầm non Hành Thiện"));
        assertTrue(text.contains("(chưa xác định)"), "a unit whose 2025 commune is not known");
        assertFalse(text.contains("Ủy ban MTTQ"), "another category");
        assertFalse(text.contains("Tỉnh Khác"), "another province");
        // 1.200 members, 1.100 registered (91,7%), 547 assessed (45,6%), 400 achieved (33,3%)
        assertTrue(flat.contains("SchA0001 Trường THCS Nghĩa Hành Phường Đức Phổ 1.200 1.100 91,7% 547 45,6% 400 33,3%"), flat);
        // no members: no rate
        assertTrue(flat.contains("Trường Mầm non Hành Thiện Xã Đức Hòa 0 0 0 0"), flat);
        // 1.244 members, 1.134 registered, 569 assessed, 411 achieved
        assertTrue(flat.contains("Tổng cộng (4 đơn vị) 1.244 1.134 91,2% 569 45,7% 411 33,0%"), flat);
        assertFalse(text.contains("Cộng Trường học"), "no subtotal when one category is asked for");
    }

    @Test
    void everyCategoryOfADistrictWithSubtotals() {
        byte[] pdf = render("534", "Huyện X", null, ReportFormat.PDF);
        keep("unit-report-all.pdf", pdf);
        String flat = pdfText(pdf).replaceAll("\\s+", " ");
        assertTrue(flat.contains("Tất cả các loại đơn vị — Huyện X"), flat);
        assertTrue(flat.contains("Cộng Trường học (2 đơn vị) 1.234 1.130 91,6% 567 45,9% 410 33,2%"), flat);
        assertTrue(flat.contains("Cộng Doanh nghiệp (1 đơn vị) 3 1 33,3% 1 33,3% 0 0,0%"), flat);
        assertTrue(flat.contains("Tổng cộng (3 đơn vị) 1.237"), flat);
        assertFalse(flat.contains("Ủy ban MTTQ"), "district 533");
        assertTrue(flat.indexOf("Cộng Trường học") < flat.indexOf("Công ty TNHH Sao Việt"), "schools first");
    }

    @Test
    void unitsOfACommuneInVietnameseOrderWithNumbersByValue() {
        String flat = pdfText(render("53", "Tỉnh Khác", "school", ReportFormat.PDF)).replaceAll("\\s+", " ");
        List<String> order = List.of("Ord00005", "Ord00004", "Ord00006", "Ord00002", "Ord00003", "Ord00001");
        for (int i = 1; i < order.size(); i++) {
            assertTrue(flat.indexOf(order.get(i - 1)) < flat.indexOf(order.get(i)), order.get(i - 1) + " before "
                    + order.get(i) + ": " + flat);
        }
        assertTrue(flat.contains("Tự đánh giá đạt"), flat);
        assertFalse(flat.toLowerCase(java.util.Locale.ROOT).contains("đạt danh hiệu"), flat);
    }

    @Test
    void aCommuneAndACategoryWithoutUnitsSaysSo() {
        String text = pdfText(render("21400", "Xã Đức Hòa", "enterprise", ReportFormat.PDF));
        assertTrue(text.contains("Không có đơn vị (Doanh nghiệp) tại Xã Đức Hòa có số liệu năm 2026."), text);
    }

    @Test
    void xlsxKeepsNumbersAsNumbersOnOneCleanGrid() throws Exception {
        byte[] xlsx = render("51", "Tỉnh Quảng Ngãi", null, ReportFormat.XLSX);
        keep("unit-report-all.xlsx", xlsx);
        try (Workbook wb = workbook(xlsx)) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("Đăng ký và tự đánh giá", sheet.getSheetName());
            Row header = rowWith(sheet, "Số thành viên");
            int members = columnOf(header, "Số thành viên");
            assertEquals(4, members, "STT, code, name, commune, then members");
            Row sub = sheet.getRow(header.getRowNum() + 1);
            assertEquals(members + 1, columnOf(sub, "Số người"));
            assertEquals(members + 2, columnOf(sub, "Tỷ lệ"));
            assertEquals(3, countCells(sub, "Số người"));
            assertEquals(sub.getRowNum() + 1, sheet.getPaneInformation().getHorizontalSplitTopRow(), "frozen header");

            Row first = rowWith(sheet, "SchA0001");
            assertEquals(CellType.NUMERIC, first.getCell(0).getCellType(), "STT");
            assertEquals(1200, first.getCell(members).getNumericCellValue());
            assertEquals(1100, first.getCell(members + 1).getNumericCellValue());
            assertEquals(1100 / 1200.0, first.getCell(members + 2).getNumericCellValue(), 1e-9);
            assertEquals("#,##0.0%", first.getCell(members + 2).getCellStyle().getDataFormatString());
            assertEquals(547, first.getCell(members + 3).getNumericCellValue());
            assertEquals(400, first.getCell(members + 5).getNumericCellValue());
            assertEquals(400 / 1200.0, first.getCell(members + 6).getNumericCellValue(), 1e-9);

            Row total = rowWith(sheet, "Tổng cộng (6 đơn vị)");
            assertEquals(1267, total.getCell(members).getNumericCellValue());
            Row subtotal = rowWith(sheet, "Cộng Cơ quan nhà nước (1 đơn vị)");
            assertEquals(20, subtotal.getCell(members).getNumericCellValue());
            // one column header, no page footers between the rows, nothing right of the last rate column
            assertEquals(1, countCells(sheet, "Số thành viên"));
            for (Row r : sheet) {
                for (Cell c : r) {
                    if (c.getColumnIndex() > members + 6) {
                        assertTrue(c.getCellType() == CellType.BLANK
                                || c.getCellType() == CellType.STRING && c.getStringCellValue().isEmpty(),
                                "a cell right of the table at row " + r.getRowNum() + ": " + c);
                    }
                }
            }
        }
    }

    private static int countCells(Row row, String text) {
        int n = 0;
        for (Cell c : row) {
            if (c.getCellType() == CellType.STRING && text.equals(c.getStringCellValue().strip())) {
                n++;
            }
        }
        return n;
    }

    private static int countCells(Sheet sheet, String text) {
        int n = 0;
        for (Row r : sheet) {
            n += countCells(r, text);
        }
        return n;
    }
}
