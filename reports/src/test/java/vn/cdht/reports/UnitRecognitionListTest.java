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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jasperreports.engine.JasperPrint;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The unit's recognition list, filled from a small in-memory DuckDB database shaped as ReportData loads it: the CCCD
 * only masked, never whole, the phone nowhere, names with their diacritics, only the unit's citizens who self-assessed
 * by the end of the period.
 */
class UnitRecognitionListTest extends UnitReportTest {

    private static final String UNIT = "B51pzCjW";
    private static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Ngọc", "Hữu", "Thu"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hương", "Khánh",
        "Lộc", "Mỹ", "Nhung", "Oanh", "Phúc", "Quyên", "Sơn", "Thảo", "Uyên", "Vĩnh", "Yến"};
    private static final int LISTED = 45;

    private static Connection duck;
    /** Every CCCD and phone in the database: none may be printed. */
    private static final List<String> SECRETS = new ArrayList<>();

    @BeforeAll
    static void database() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
        ReportData.installFunctions(duck);
        sql(duck,
                "CREATE SCHEMA core", "CREATE SCHEMA restricted", "CREATE SCHEMA mart",
                "CREATE TABLE core.units (unit_code VARCHAR, unit_name VARCHAR, unit_category VARCHAR, status VARCHAR)",
                "CREATE TABLE core.accounts (account_id VARCHAR, citizen_key VARCHAR, citizen_group VARCHAR,"
                        + " unit_code VARCHAR, status VARCHAR)",
                "CREATE TABLE core.yearly_assessments (year INTEGER, citizen_key VARCHAR, account_id VARCHAR,"
                        + " citizen_group VARCHAR, total_score DECIMAL(8,2), achieved BOOLEAN,"
                        + " submitted_at TIMESTAMP WITH TIME ZONE)",
                "CREATE TABLE core.recognitions (account_id VARCHAR, year INTEGER, decided_on DATE, unit_code VARCHAR,"
                        + " status VARCHAR)",
                "CREATE TABLE restricted.citizens (citizen_key VARCHAR, citizen_id VARCHAR, full_name VARCHAR,"
                        + " birth_date DATE, sex VARCHAR, phone VARCHAR, account_id VARCHAR,"
                        + " updated_at TIMESTAMP WITH TIME ZONE)",
                "CREATE TABLE mart.unit_progress (year INTEGER, unit_code VARCHAR, unit_name VARCHAR,"
                        + " commune_name_2025 VARCHAR, province_name_2025 VARCHAR)",
                "INSERT INTO core.units VALUES ('" + UNIT + "', 'Trường Tiểu học Nghĩa Hành số 2', 'school', 'active'),"
                        + " ('Xk9OTHER', 'Trường THCS Khác', 'school', 'active')",
                "INSERT INTO mart.unit_progress VALUES (2026, '" + UNIT + "', 'Trường Tiểu học Nghĩa Hành số 2',"
                        + " 'Xã Nghĩa Hành', 'Tỉnh Quảng Ngãi'), (2025, '" + UNIT + "', 'Trường Tiểu học Nghĩa Hành số 2',"
                        + " 'Xã Cũ', 'Tỉnh Cũ')");
        int n = 0;
        for (int i = 0; i < LISTED - 2; i++) {
            String name = SURNAMES[i % SURNAMES.length] + " " + MIDDLE[i % MIDDLE.length] + " " + GIVEN[i % GIVEN.length];
            citizen(++n, UNIT, name, 1970 + i % 40, i % 3 == 0 ? "Nữ" : "Nam", i % 4 == 0 ? "III" : "I",
                    55 + (i * 7) % 40 + (i % 2) * 0.5, i % 5 != 0, "2026-0" + (1 + i % 9) + "-15 09:00:00+07", i % 6 == 0);
        }
        // the one we look for: recognised, CCCD 051304123453, submitted at 23:30 on 31/10 (Vietnam time)
        citizen(++n, UNIT, "Nguyễn Thị Ánh Tuyết", 2004, "Nữ", "I", 82, true, "2026-10-31 23:30:00+07", true);
        // an old name in restricted.citizens for the same citizen: the latest one is printed, once
        sql(duck, "INSERT INTO restricted.citizens VALUES ('k" + n + "', '051304123453', 'Nguyễn Thị Tuyết Cũ',"
                + " DATE '2004-05-06', 'Nữ', '0909000111', 'a" + n + "', TIMESTAMPTZ '2024-01-01 00:00:00+07')");
        citizen(++n, UNIT, "Đỗ Quang Kịp", 1988, "Nam", "III", 64.5, false, "2026-10-01 08:00:00+07", false);
        // not listed: submitted after the end of October (Vietnam time), assessed only in 2025, another unit's
        citizen(++n, UNIT, "Lê Văn Muộn", 1990, "Nam", "I", 90, true, "2026-11-01 00:30:00+07", false);
        int last = ++n;
        citizen(last, UNIT, "Phan Thị Năm Ngoái", 1991, "Nữ", "I", 90, true, "2025-09-01 10:00:00+07", false);
        sql(duck, "UPDATE core.yearly_assessments SET year = 2025 WHERE account_id = 'a" + last + "'");
        citizen(++n, "Xk9OTHER", "Hoàng Văn Khác", 1992, "Nam", "I", 90, true, "2026-03-01 10:00:00+07", false);
        // registered in the unit, never assessed
        sql(duck, "INSERT INTO core.accounts VALUES ('a999', 'k999', 'I', '" + UNIT + "', 'active')",
                "INSERT INTO restricted.citizens VALUES ('k999', '051099999999', 'Vũ Chưa Đánh Giá', DATE '1999-01-01',"
                        + " 'Nam', '0988777666', 'a999', now())");
        SECRETS.add("051099999999");
        SECRETS.add("0988777666");
        SECRETS.add("0909000111");
    }

    private static void citizen(int n, String unit, String name, int birthYear, String sex, String group, double score,
                                boolean achieved, String submittedAt, boolean recognised) {
        String cccd = n == LISTED - 1 ? "051304123453" : String.format("051%d%02d%06d", sex.equals("Nữ") ? 1 : 0,
                birthYear % 100, 100000 + n * 7919);
        String phone = String.format("09%08d", 12345678 + n * 1013);
        SECRETS.add(cccd);
        SECRETS.add(phone);
        sql(duck,
                "INSERT INTO core.accounts VALUES ('a" + n + "', 'k" + n + "', '" + group + "', '" + unit + "', 'active')",
                "INSERT INTO core.yearly_assessments VALUES (2026, 'k" + n + "', 'a" + n + "', '" + group + "', " + score
                        + ", " + achieved + ", TIMESTAMPTZ '" + submittedAt + "')",
                "INSERT INTO restricted.citizens VALUES ('k" + n + "', '" + cccd + "', '" + name + "', DATE '" + birthYear
                        + "-0" + (1 + n % 9) + "-1" + (n % 9) + "', '" + sex + "', '" + phone + "', 'a" + n + "',"
                        + " TIMESTAMPTZ '2026-01-01 00:00:00+07')");
        if (recognised) {
            sql(duck, "INSERT INTO core.recognitions VALUES ('a" + n + "', 2026, DATE '2026-11-20', '" + unit + "', 'active')");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        duck.close();
    }

    private static JasperPrint fill() {
        Map<String, Object> p = parameters(UNIT, "Trường Tiểu học Nghĩa Hành số 2", null);
        return ENGINE.fill("unit_recognition_list", p, duck);
    }

    @Test
    void pdfShowsTheMaskedCccdAndNeverTheWholeOneNorAPhone() {
        byte[] pdf = ENGINE.export(fill(), ReportFormat.PDF);
        keep("unit-list.pdf", pdf);
        String text = pdfText(pdf);
        String compact = text.replaceAll("\\s+", "");

        assertTrue(text.contains("051*******53"), "the masked CCCD of Nguyễn Thị Ánh Tuyết");
        for (String secret : SECRETS) {
            assertFalse(compact.contains(secret), "printed whole: " + secret);
        }
        // no run of 12 digits (or of 9, a phone without its 0) but the 19-digit snapshot ids of the footer
        Matcher runs = Pattern.compile("\\d{9,}").matcher(compact.replaceAll("#\\d+", "#"));
        assertFalse(runs.find(), () -> "a long run of digits: " + runs.group());
        assertFalse(Pattern.compile("\\d{4}\\*|\\*\\d{3}").matcher(text).find(), "more than 3 + 2 digits kept");
    }

    @Test
    void pdfListsTheUnitsCitizensWhoSelfAssessedByTheEndOfThePeriod() {
        byte[] pdf = ENGINE.export(fill(), ReportFormat.PDF);
        String text = pdfText(pdf);

        assertTrue(text.contains("DANH SÁCH CÔNG DÂN TỰ ĐÁNH GIÁ THEO BỘ TIÊU CHÍ"), text);
        assertTrue(text.contains("CÔNG DÂN HỌC TẬP NĂM 2026"));
        assertTrue(text.contains("TRƯỜNG TIỂU HỌC NGHĨA HÀNH SỐ 2"));
        assertTrue(text.contains("Mã đơn vị: " + UNIT));
        assertTrue(text.contains("Xã Nghĩa Hành, Tỉnh Quảng Ngãi"));
        // names intact, with their diacritics (NFC)
        assertTrue(text.contains("Nguyễn Thị Ánh Tuyết"));
        assertTrue(text.contains("Đỗ Quang Kịp"), "submitted at 23:30 on 31/10, Vietnam time");
        assertTrue(text.contains("Huỳnh"));
        assertFalse(text.contains("Tuyết Cũ"), "an older name of the same citizen");
        assertFalse(text.contains("Lê Văn Muộn"), "submitted on 1 November");
        assertFalse(text.contains("Năm Ngoái"), "assessed in 2025 only");
        assertFalse(text.contains("Hoàng Văn Khác"), "another unit's citizen");
        assertFalse(text.contains("Chưa Đánh Giá"), "never assessed");
        assertTrue(text.contains("18/09/2004"), "birth date dd/MM/yyyy");
        assertTrue(text.contains("82,0"), "total score in the Vietnamese format");
        assertTrue(text.contains("Không đạt"));

        assertTrue(text.replaceAll("\\s+", " ").contains("Số công dân đã tự đánh giá: " + LISTED), text);
        assertTrue(text.contains("THỦ TRƯỞNG ĐƠN VỊ"));
        assertTrue(text.contains("(Ký, ghi rõ họ tên và đóng dấu)"));
        assertTrue(text.contains("NGƯỜI LẬP DANH SÁCH"));
        assertTrue(text.contains("Quảng Ngãi, ngày 24 tháng 11 năm 2026"));
        int pages = pdfPages(pdf);
        assertTrue(pages >= 2, "45 citizens do not fit on one A4 page");
        assertTrue(text.contains("Trang " + pages + "/" + pages));
        // the column header on every page
        assertEquals(pages, text.split("Ghi chú", -1).length - 1);
    }

    @Test
    void xlsxHasTheSameColumnsMaskedWithNumbersAndDatesAsSuch() throws Exception {
        byte[] xlsx = ENGINE.export(fill(), ReportFormat.XLSX);
        keep("unit-list.xlsx", xlsx);
        try (Workbook wb = workbook(xlsx)) {
            assertEquals(1, wb.getNumberOfSheets());
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("Danh sách tự đánh giá", sheet.getSheetName());
            Row header = rowWith(sheet, "Số CCCD");
            int stt = columnOf(header, "STT");
            int name = columnOf(header, "Họ và tên");
            int birth = columnOf(header, "Ngày sinh");
            int cccd = columnOf(header, "Số CCCD");
            int score = columnOf(header, "Tổng điểm");
            int result = columnOf(header, "Kết quả");
            int recognised = columnOf(header, "Đã công nhận");
            columnOf(header, "Ghi chú");
            assertEquals(header.getRowNum() + 1, sheet.getPaneInformation().getHorizontalSplitTopRow(), "frozen header");
            assertEquals(1, countRows(sheet, "Số CCCD"), "one column header in the sheet");

            int rows = 0;
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Cell first = row == null ? null : row.getCell(stt);
                if (first == null || first.getCellType() != CellType.NUMERIC) {
                    break;
                }
                rows++;
                assertEquals(rows, (int) first.getNumericCellValue());
                assertTrue(row.getCell(cccd).getStringCellValue().matches("\\d{3}\\*{7}\\d{2}"),
                        row.getCell(cccd).getStringCellValue());
                assertEquals(CellType.NUMERIC, row.getCell(birth).getCellType(), "birth date as a date");
                assertTrue(DateUtil.isCellDateFormatted(row.getCell(birth)));
                assertEquals(CellType.NUMERIC, row.getCell(score).getCellType(), "score as a number");
                assertTrue(List.of("Đạt", "Không đạt").contains(row.getCell(result).getStringCellValue()));
                assertTrue(List.of("Có", "Chưa").contains(row.getCell(recognised).getStringCellValue()));
                assertFalse(row.getCell(name).getStringCellValue().isBlank());
            }
            assertEquals(LISTED, rows);

            Row total = rowWith(sheet, "Số công dân đã tự đánh giá:");
            assertEquals(LISTED, (int) firstNumber(total, columnOf(total, "Số công dân đã tự đánh giá:")));

            String all = String.join("\n", strings(wb)).replaceAll("\\s+", "");
            for (String secret : SECRETS) {
                assertFalse(all.contains(secret), "in the XLSX whole: " + secret);
            }
        }
    }

    @Test
    void citizensAreListedInVietnameseOrderOfGivenNameThenFullName() throws Exception {
        byte[] xlsx = ENGINE.export(fill(), ReportFormat.XLSX);
        try (Workbook wb = workbook(xlsx)) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = rowWith(sheet, "Số CCCD");
            int stt = columnOf(header, "STT");
            int name = columnOf(header, "Họ và tên");
            List<String> names = new ArrayList<>();
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || row.getCell(stt) == null || row.getCell(stt).getCellType() != CellType.NUMERIC) {
                    break;
                }
                names.add(row.getCell(name).getStringCellValue().strip());
            }
            assertEquals(LISTED, names.size());
            List<String> expected = new ArrayList<>(names);
            java.util.function.Function<String, String> given = n -> n.substring(n.lastIndexOf(' ') + 1);
            expected.sort(java.util.Comparator.comparing(given, VietnameseCollation.names())
                    .thenComparing(VietnameseCollation.names()));
            assertEquals(expected, names);
            // Đ after D, before G (by code point it would come after Y)
            assertTrue(names.indexOf("Phạm Ngọc Dũng") >= 0 && names.indexOf("Phạm Ngọc Dũng") < names.indexOf("Huỳnh Hữu Đức"), names::toString);
            assertTrue(names.indexOf("Huỳnh Hữu Đức") < names.indexOf("Võ Thu Giang"), names::toString);
        }
    }

    @Test
    void aUnitWithoutSelfAssessmentsGetsItsHeaderAndASentence() {
        sql(duck, "INSERT INTO core.units VALUES ('Empty001', 'Chi hội khuyến học thôn Đông', 'association_branch', 'active')");
        Map<String, Object> p = parameters("Empty001", "Chi hội khuyến học thôn Đông", null);
        String text = pdfText(ENGINE.export(ENGINE.fill("unit_recognition_list", p, duck), ReportFormat.PDF));
        assertTrue(text.contains("CHI HỘI KHUYẾN HỌC THÔN ĐÔNG"), text);
        assertTrue(text.contains("Chưa có công dân nào của đơn vị gửi phiếu tự đánh giá năm 2026 đến hết tháng 10/2026."));
        assertTrue(text.replaceAll("\\s+", " ").contains("Số công dân đã tự đánh giá: 0"));
        assertTrue(text.contains("THỦ TRƯỞNG ĐƠN VỊ"));
    }

    private static int countRows(Sheet sheet, String text) {
        int n = 0;
        for (Row r : sheet) {
            for (Cell c : r) {
                if (c.getCellType() == CellType.STRING && text.equals(c.getStringCellValue().strip())) {
                    n++;
                }
            }
        }
        return n;
    }
}
