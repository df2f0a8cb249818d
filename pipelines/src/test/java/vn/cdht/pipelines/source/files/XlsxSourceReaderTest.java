package vn.cdht.pipelines.source.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.pipelines.source.SourceRow;
import vn.cdht.pipelines.source.text.LegacyFontCounts;
import vn.cdht.pipelines.source.text.VietnameseEncoders;
import vn.cdht.warehouse.source.SourceEntity;

class XlsxSourceReaderTest {

    @TempDir
    Path dir;

    private static void cells(Row row, Object... values) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof String s) {
                row.createCell(i).setCellValue(s);
            } else if (v instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            }
        }
    }

    private static void title(Sheet sheet, int rowIndex, String text, int lastColumn) {
        sheet.createRow(rowIndex).createCell(0).setCellValue(text);
        sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, lastColumn));
    }

    private Path save(Workbook wb, String name) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p)) {
            wb.write(out);
        }
        wb.close();
        return p;
    }

    private Path accountsWorkbook() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("Danh sách");
        CellStyle dateStyle = wb.createCellStyle();
        dateStyle.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
        CellStyle dateTimeStyle = wb.createCellStyle();
        dateTimeStyle.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
        CellStyle quoted = wb.createCellStyle();
        quoted.setQuotePrefixed(true);

        title(s, 0, "DANH SÁCH CÔNG DÂN HỌC TẬP", 7);
        title(s, 1, "UBND HUYỆN THANH TRÌ", 7);
        title(s, 2, "Năm 2024", 7);
        cells(s.createRow(4), "Mã tài khoản", "Số CCCD", "Họ và tên", "Ngày sinh (dd/mm/yyyy)", "Số điện thoại",
                "Ngày đăng ký", "Ngày cập nhật", "Ghi chú");

        Row r6 = s.createRow(5);
        cells(r6, "A001", 36123456789L, "Nguyễn Văn An");
        r6.createCell(3).setCellValue(LocalDate.of(1990, 2, 1));
        r6.getCell(3).setCellStyle(dateStyle);
        r6.createCell(4).setCellFormula("\"0\"&\"912345678\"");
        r6.createCell(5).setCellValue(45231);
        r6.createCell(6).setCellValue(LocalDateTime.of(2024, 10, 1, 8, 30));
        r6.getCell(6).setCellStyle(dateTimeStyle);
        r6.createCell(7).setCellValue(true);

        Row r7 = s.createRow(6);
        cells(r7, "A002", "'036123456789", Normalizer.normalize("Trần Thị Bình", Normalizer.Form.NFD), 45231);
        r7.createCell(6).setCellValue("01/10/2024");

        Row r8 = s.createRow(7); // sparse: no cells between A and G
        r8.createCell(0).setCellValue("A003");
        r8.createCell(1).setCellValue("036123456789");
        r8.getCell(1).setCellStyle(quoted);
        r8.createCell(6).setCellValue(LocalDateTime.of(2024, 10, 2, 0, 0));
        r8.getCell(6).setCellStyle(dateStyle);

        s.createRow(8).createCell(2).setCellValue(" ");          // a blank row
        s.createRow(9).createCell(2).setCellValue("Người lập biểu"); // signature block
        title(s, 11, "Ngày 01 tháng 10 năm 2024", 7); // in the key's column
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        return save(wb, "tai_khoan.xlsx");
    }

    @Test
    void readsATitledSheetWithDatesNumbersFormulasAndASignatureBlock() throws IOException {
        List<SourceRow> out = new ArrayList<>();
        FileReadReport report = SourceFileReader.read(SourceFile.of(accountsWorkbook()), out::add);

        assertEquals(SourceEntity.ACCOUNTS, report.entity());
        assertEquals(SourceFormat.XLSX, report.format());
        assertEquals("Danh sách", report.sheetName());
        assertNull(report.separator());
        assertEquals(5, report.headerRowNumber());
        assertEquals(3, report.rowsRead());
        assertEquals(1, report.blankRowsSkipped());
        assertEquals(2, report.trailerRowsSkipped());
        assertEquals(List.of("Ghi chú"), report.unknownColumns());
        assertEquals(List.of(6L, 7L, 8L), out.stream().map(SourceRow::rowNumber).toList());

        SourceRow a1 = out.get(0);
        assertEquals("36123456789", a1.values().get("citizen_id"));
        assertEquals("1990-02-01", a1.values().get("birth_date"));
        assertEquals("0912345678", a1.values().get("phone"), "a formula's cached value");
        assertEquals("2023-11-01T00:00:00", a1.values().get("registered_at"), "a serial number in a TIMESTAMP field");
        assertEquals("2024-10-01T08:30:00", a1.values().get("updated_at"));
        assertEquals("A001,36123456789,Nguyễn Văn An,1990-02-01,0912345678,45231,2024-10-01T08:30:00,TRUE", a1.raw());

        SourceRow a2 = out.get(1);
        assertEquals("'036123456789", a2.values().get("citizen_id"));
        assertEquals("Trần Thị Bình", a2.values().get("full_name"));
        assertEquals("2023-11-01", a2.values().get("birth_date"), "a serial number in a DATE field");
        assertEquals("01/10/2024", a2.values().get("updated_at"), "text dates are not parsed");
        assertFalse(a2.values().containsKey("phone"));

        SourceRow a3 = out.get(2);
        assertEquals("036123456789", a3.values().get("citizen_id"), "Excel's quote prefix is not part of the value");
        assertEquals("2024-10-02T00:00:00", a3.values().get("updated_at"));
        assertNull(a3.values().get("full_name"));
        assertEquals("A003,036123456789,,,,,2024-10-02", a3.raw());
    }

    @Test
    void readsInlineStringsFromSxssfAndFindsTheHeaderOnALaterSheet() throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(10);
        Sheet help = wb.createSheet("Hướng dẫn");
        cells(help.createRow(0), "Hướng dẫn nhập liệu");
        cells(help.createRow(1), "Xem sheet Phiếu");
        Sheet s = wb.createSheet("Phiếu");
        title(s, 0, "DANH SÁCH PHIẾU TỰ ĐÁNH GIÁ", 8);
        cells(s.createRow(2), "Mã phiếu", "Mã tài khoản", "Năm đánh giá", "TC1", "TC 2", "Tổng điểm", "Ngày gửi",
                "Ngày cập nhật", "Kết quả");
        cells(s.createRow(3), "P1", "A001", 2024, 7.5, 8.0, 15.5, "01/10/2024 08:00", 45566.5, "Đạt");
        cells(s.createRow(4), "P2", "A002", 2024, 0.1 + 0.2, 10, 10.3, "02/10/2024", 45567, "Không đạt");
        cells(s.createRow(5), null, "Tổng cộng", null, null, null, 25.8);
        Path p = save(wb, "phieu_danh_gia.xlsx");
        wb.dispose();

        List<SourceRow> out = new ArrayList<>();
        FileReadReport report = SourceFileReader.read(SourceFile.of(p), out::add);
        assertEquals("Phiếu", report.sheetName());
        assertEquals(3, report.headerRowNumber());
        assertEquals(2, report.rowsRead());
        assertEquals(1, report.trailerRowsSkipped());
        assertEquals(List.of(4L, 5L), out.stream().map(SourceRow::rowNumber).toList());

        SourceRow p1 = out.get(0);
        assertEquals("P1", p1.values().get("assessment_id"));
        assertEquals("2024", p1.values().get("year"));
        assertEquals("7.5", p1.values().get("score_1"));
        assertEquals("8", p1.values().get("score_2"));
        assertEquals("15.5", p1.values().get("total_score"));
        assertEquals("01/10/2024 08:00", p1.values().get("submitted_at"));
        assertEquals("2024-10-01T12:00:00", p1.values().get("updated_at"));
        assertEquals("Đạt", p1.values().get("result"));
        assertEquals("0.3", out.get(1).values().get("score_1"), "Excel's 15 significant digits");
        assertEquals("2024-10-02T00:00:00", out.get(1).values().get("updated_at"));
    }

    @Test
    void honoursThe1904DateSystemAndLetsTheSinksExceptionsThrough() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
        Sheet s = wb.createSheet();
        cells(s.createRow(0), "Mã tài khoản", "Năm", "Ngày quyết định");
        cells(s.createRow(1), "A1", 2024, 43769); // 43769 in the 1904 system is 2023-11-01
        Path p = save(wb, "cong_nhan.xlsx");
        List<SourceRow> out = new ArrayList<>();
        SourceFileReader.read(SourceFile.of(p), out::add);
        assertEquals("2023-11-01", out.get(0).values().get("decided_on"));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SourceFileReader.read(SourceFile.of(p), r -> {
                    throw new IllegalStateException("sink failed");
                }));
        assertEquals("sink failed", e.getMessage());
    }

    @Test
    void aMissingRequiredColumnNamesTheFileAndTheColumn() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet();
        title(s, 0, "DANH SÁCH ĐƠN VỊ", 3);
        cells(s.createRow(2), "Mã đơn vị", "Loại đơn vị", "Ngày cập nhật");
        cells(s.createRow(3), "DV1", "Trường học", "2024-10-01");
        Path p = save(wb, "don_vi.xlsx");
        SourceFileException e = assertThrows(SourceFileException.class,
                () -> SourceFileReader.read(SourceFile.of(p), r -> { }));
        assertEquals("don_vi.xlsx: required column 'Tên đơn vị' (unit_name) is missing", e.getMessage());
    }

    @Test
    void aHeaderWithTwoColumnsForOneFieldRejectsTheWorkbookNamingBothByTheirLetters() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("Danh sách");
        title(s, 0, "DANH SÁCH TÀI KHOẢN", 7);
        Row header = s.createRow(3);
        cells(header, "Mã tài khoản", "Số CCCD", "Họ và tên", "Ngày cập nhật");
        header.createCell(27).setCellValue("Họ tên"); // column AB, far to the right
        cells(s.createRow(4), "A1", "036123456789", "An", "2024-10-01");
        Path p = save(wb, "tai_khoan.xlsx");
        SourceFileException e = assertThrows(SourceFileException.class,
                () -> SourceFileReader.read(SourceFile.of(p), r -> { }));
        assertEquals("tai_khoan.xlsx: columns C \"Họ và tên\" and AB \"Họ tên\" both map to full_name;"
                + " remove one and export again", e.getMessage());
    }

    @Test
    void columnNamesAreTheSpreadsheetsLetters() {
        assertEquals(List.of("A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"),
                java.util.stream.IntStream.of(0, 25, 26, 27, 51, 52, 701, 702).mapToObj(XlsxSheetHandler::columnName)
                        .toList());
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, XlsxSheetHandler.columnIndex(XlsxSheetHandler.columnName(i) + "12"));
        }
    }

    @Test
    void aSheetWithoutHeaderIsReported() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet();
        for (int i = 0; i < 25; i++) {
            cells(s.createRow(i), "dòng " + i, i);
        }
        Path p = save(wb, "don_vi.xlsx");
        SourceFileException e = assertThrows(SourceFileException.class,
                () -> SourceFileReader.read(SourceFile.of(p), r -> { }));
        assertEquals("don_vi.xlsx: no header row found in the first 20 rows (expected headers such as 'Mã đơn vị', "
                + "'Tên đơn vị', 'Ngày cập nhật')", e.getMessage());
    }

    private static String inTcvn3(String text) {
        return VietnameseEncoders.asWindows1252(VietnameseEncoders.tcvn3(text));
    }

    private static String inVni(String text) {
        return VietnameseEncoders.asWindows1252(VietnameseEncoders.vni(text));
    }

    /** An accounts sheet typed in a legacy font by {@code font}: title, header and names; then two rows in Unicode. */
    private Path accountsTypedIn(java.util.function.UnaryOperator<String> font, List<String> names, String file)
            throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("DS");
        // the title typed in capitals (in TCVN3, .VnTimeH draws the small letters' bytes as capitals)
        title(s, 0, font.apply("DANH SÁCH TÀI KHOẢN"), 3);
        cells(s.createRow(2), font.apply("Mã tài khoản"), font.apply("Số CCCD"), font.apply("Họ và tên"),
                font.apply("Ngày cập nhật"));
        int r = 3;
        for (String name : names) {
            cells(s.createRow(r), "T" + r, "001090000" + r, font.apply(name), "01/10/2025");
            r++;
        }
        cells(s.createRow(r), "U" + r, "001090000" + r, "Nguyễn Thị Ngọc Ánh", "01/10/2025"); // Unicode
        cells(s.createRow(r + 1), "A" + r, "001090000" + r, "Nguyen Van An", "01/10/2025");  // plain ASCII
        cells(s.createRow(r + 2), "X" + r, "001090000" + r, font.apply(names.get(1)), "01/10/2025"); // a shared string again
        return save(wb, file);
    }

    private static List<String> legacyNames() {
        List<String> names = new ArrayList<>(List.of("Nguyễn Thị Ngọc Ánh", "Đặng Quốc Huy"));
        names.addAll(VietnameseEncoders.vowelLines());
        return names;
    }

    private static List<String> expectedNames(List<String> names) {
        List<String> expected = new ArrayList<>(names);
        expected.addAll(List.of("Nguyễn Thị Ngọc Ánh", "Nguyen Van An", names.get(1)));
        return expected;
    }

    @Test
    void cellsTypedInTcvn3AreConvertedAndCounted() throws IOException {
        List<String> names = legacyNames();
        List<SourceRow> out = new ArrayList<>();
        FileReadReport report = SourceFileReader.read(
                SourceFile.of(accountsTypedIn(XlsxSourceReaderTest::inTcvn3, names, "tai_khoan.xlsx")), out::add);
        assertEquals(expectedNames(names), out.stream().map(row -> row.values().get("full_name")).toList());
        assertEquals(3, report.headerRowNumber(), "the header typed in TCVN3 is found");
        assertEquals(FileReadReport.XLSX_ENCODING, report.encoding());
        // the title, 3 of the headers ("Sè CCCD" is Vietnamese as it is: kept, and matched as TCVN3), the names and
        // the shared string used again
        assertEquals(new LegacyFontCounts(1 + 3 + names.size() + 1, 0), report.legacyFontCells());
        assertEquals("T3,0010900003,Nguyễn Thị Ngọc Ánh,01/10/2025", out.get(0).raw());
    }

    @Test
    void cellsTypedInVniAreConvertedAndCounted() throws IOException {
        List<String> names = legacyNames();
        List<SourceRow> out = new ArrayList<>();
        FileReadReport report = SourceFileReader.read(
                SourceFile.of(accountsTypedIn(XlsxSourceReaderTest::inVni, names, "tai_khoan.xlsx")), out::add);
        assertEquals(expectedNames(names), out.stream().map(row -> row.values().get("full_name")).toList());
        assertEquals(3, report.headerRowNumber(), "the header typed in VNI is found");
        // as in TCVN3, "Soá CCCD" is a syllable as it is: the header is matched, the cell kept
        assertEquals(new LegacyFontCounts(0, 1 + 3 + names.size() + 1), report.legacyFontCells());
    }

    @Test
    void aFileThatIsNotXlsxIsReported() throws IOException {
        Path p = dir.resolve("phieu_danh_gia.xlsx");
        Files.writeString(p, "Mã phiếu,Mã tài khoản\n", StandardCharsets.UTF_8);
        SourceFileException e = assertThrows(SourceFileException.class,
                () -> SourceFileReader.read(SourceFile.of(p), r -> { }));
        assertTrue(e.getMessage().startsWith("phieu_danh_gia.xlsx: not a readable XLSX file ("), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
