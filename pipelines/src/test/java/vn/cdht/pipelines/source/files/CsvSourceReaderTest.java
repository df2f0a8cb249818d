package vn.cdht.pipelines.source.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.cdht.pipelines.source.SourceRow;
import vn.cdht.pipelines.source.text.LegacyFontCounts;
import vn.cdht.pipelines.source.text.VietnameseEncoders;
import vn.cdht.warehouse.source.SourceEntity;

class CsvSourceReaderTest {

    @TempDir
    Path dir;

    private static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    private Path write(String name, String content, boolean bom) throws IOException {
        Path p = dir.resolve(name);
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = body;
        if (bom) {
            bytes = new byte[body.length + 3];
            bytes[0] = (byte) 0xEF;
            bytes[1] = (byte) 0xBB;
            bytes[2] = (byte) 0xBF;
            System.arraycopy(body, 0, bytes, 3, body.length);
        }
        Files.write(p, bytes);
        return p;
    }

    private FileReadReport read(Path p, List<SourceRow> sink) {
        return SourceFileReader.read(SourceFile.of(p), sink::add);
    }

    @Test
    void readsARealisticExportWithBomSemicolonsCrlfQuotesTitleAndTrailer() throws IOException {
        String csv = String.join("\r\n",
                "DANH SÁCH TÀI KHOẢN CÔNG DÂN HỌC TẬP;;;",             // 1 title
                "\"UBND HUYỆN A, TỈNH B\";;;",                          // 2 title with a comma inside quotes
                "mã  TÀI khoản;Số CCCD *;" + nfd("Họ Và Tên") + ";Ngày sinh (dd/mm/yyyy);Ghi chú;Ngày cập nhật;Mã xã", // 3
                "A001;036123456789;\"Nguyễn Văn \"\"Tí\"\"\r\nTèo\";01/02/1990;x;2024-10-01 08:00:00;00001", // 4-5
                "A002;36123456789;" + nfd("Trần Thị Bình") + ";;;2024-10-02;",                                  // 6
                "A003;'036123456789;\u00A0 Lê Văn C\u00A0 ;;;2024-10-03",                                        // 7
                ";;;;;;",                                                                                         // 8 blank
                "",                                                                                               // 9 blank
                ";036000000001;Không mã;;;2024-10-04;",                                                           // 10 no key
                "A004;036000000002;D;;;2024-10-05;;extra;cells",                                                  // 11
                "Tổng cộng: 4;;;;;;",                                                                             // 12
                "",                                                                                               // 13
                ";;Người lập biểu;;;;",                                                                           // 14
                ";;Ngày 01 tháng 10 năm 2024") + "\r\n";                                                          // 15
        Path p = write("tai_khoan.csv", csv, true);
        List<SourceRow> out = new ArrayList<>();
        FileReadReport report = read(p, out);

        assertEquals(';', report.separator());
        assertEquals(SourceEntity.ACCOUNTS, report.entity());
        assertEquals(SourceFormat.CSV, report.format());
        assertEquals(3, report.headerRowNumber());
        assertEquals(5, report.rowsRead());
        assertEquals(5, out.size());
        assertEquals(3, report.blankRowsSkipped());
        assertEquals(3, report.trailerRowsSkipped());
        assertEquals(List.of("Ghi chú"), report.unknownColumns());
        assertEquals(List.of("account_id", "citizen_id", "full_name", "birth_date", "updated_at", "commune_code"),
                report.columns().stream().map(ColumnMapping::field).toList());

        assertEquals(List.of(4L, 6L, 7L, 10L, 11L), out.stream().map(SourceRow::rowNumber).toList());

        SourceRow a1 = out.get(0);
        assertEquals("A001", a1.values().get("account_id"));
        assertEquals("Nguyễn Văn \"Tí\"\r\nTèo", a1.values().get("full_name"));
        assertEquals("01/02/1990", a1.values().get("birth_date"), "dates are not parsed in CSV");
        assertEquals("2024-10-01 08:00:00", a1.values().get("updated_at"));
        assertEquals("00001", a1.values().get("commune_code"));
        assertEquals("A001,036123456789,\"Nguyễn Văn \"\"Tí\"\"\r\nTèo\",01/02/1990,x,2024-10-01 08:00:00,00001",
                a1.raw());

        SourceRow a2 = out.get(1);
        assertEquals("36123456789", a2.values().get("citizen_id"), "an 11-digit CCCD is kept as is");
        assertEquals("Trần Thị Bình", a2.values().get("full_name"));
        assertTrue(Normalizer.isNormalized(a2.values().get("full_name"), Normalizer.Form.NFC));
        assertTrue(a2.raw().contains(nfd("Trần Thị Bình")), "raw keeps the decomposed text");
        assertNull(a2.values().get("birth_date"));
        assertFalse(a2.values().containsKey("birth_date"), "an empty cell is an absent key");
        assertFalse(a2.values().containsKey("commune_code"));

        SourceRow a3 = out.get(2);
        assertEquals("'036123456789", a3.values().get("citizen_id"));
        assertEquals("Lê Văn C", a3.values().get("full_name"));
        assertFalse(a3.values().containsKey("commune_code"), "a missing trailing cell is null");

        SourceRow noKey = out.get(3);
        assertNull(noKey.values().get("account_id"));
        assertEquals("036000000001", noKey.values().get("citizen_id"));

        SourceRow a4 = out.get(4);
        assertEquals("A004", a4.values().get("account_id"));
        assertEquals("A004,036000000002,D,,,2024-10-05,,extra,cells", a4.raw(), "extra cells are kept in raw");
    }

    @Test
    void aRowWithOnlyTheKeyIsDataInTheMiddleAndTrailerAtTheEnd() throws IOException {
        Path p = write("don_vi.csv", """
                Mã đơn vị,Tên đơn vị,Ngày cập nhật
                DV1,A,2024-10-01
                DV2,,
                DV3,C,2024-10-03
                ,Tổng số đơn vị: 3,
                Hà Nội ngày 01 tháng 10 năm 2024,,
                """, false);
        List<SourceRow> out = new ArrayList<>();
        FileReadReport report = read(p, out);
        assertEquals(List.of("DV1", "DV2", "DV3"), out.stream().map(r -> r.values().get("unit_code")).toList());
        assertEquals(2, report.trailerRowsSkipped());
    }

    @Test
    void readsCommaSeparatedLfWithoutBom() throws IOException {
        Path p = write("DON_VI.csv", """
                Mã đơn vị,Tên đơn vị,Loại đơn vị,Ngày cập nhật
                DV000001,"Trường THCS A; cơ sở 2",Trường học,2024-10-01
                DV000002,UBND xã B,UBND xã,2024-10-02
                """, false);
        List<SourceRow> out = new ArrayList<>();
        FileReadReport report = read(p, out);
        assertEquals(',', report.separator());
        assertEquals(1, report.headerRowNumber());
        assertEquals(2, out.size());
        assertEquals("Trường THCS A; cơ sở 2", out.get(0).values().get("unit_name"));
        assertEquals(3, out.get(1).rowNumber());
        assertEquals(0, report.trailerRowsSkipped());
    }

    @Test
    void aHeaderWithTwoColumnsForOneFieldRejectsTheFileNamingBoth() throws IOException {
        Path p = write("tai_khoan.csv", "Mã tài khoản,Số CCCD,Họ và tên,Ngày cập nhật,Ghi chú,Mã xã,Họ và tên\n"
                + "A1,036123456789,An,2024-10-01,,00001,Bình\n", false);
        SourceFileException e = assertThrows(SourceFileException.class, () -> read(p, new ArrayList<>()));
        assertEquals("tai_khoan.csv: columns 3 \"Họ và tên\" and 7 \"Họ và tên\" both map to full_name;"
                + " remove one and export again", e.getMessage());

        Path aliases = write("don_vi.csv", "Tên đơn vị;Mã đơn vị;Ngày cập nhật;Họ tên;Tên đơn vị \n"
                + "A;X1;2024-10-01;;B\n", false);
        SourceFileException e2 = assertThrows(SourceFileException.class, () -> read(aliases, new ArrayList<>()));
        assertEquals("don_vi.csv: columns 1 \"Tên đơn vị\" and 5 \"Tên đơn vị\" both map to unit_name;"
                + " remove one and export again", e2.getMessage());

        Path accounts = write("tai_khoan_2.csv", "Mã tài khoản,Họ tên,Số CCCD,Họ và tên,Ngày cập nhật,Số CCCD *\n"
                + "A1,An,036123456789,An,2024-10-01,036123456789\n", false);
        SourceFileException e3 = assertThrows(SourceFileException.class, () -> read(accounts, new ArrayList<>()));
        assertEquals("tai_khoan_2.csv: columns 2 \"Họ tên\" and 4 \"Họ và tên\" both map to full_name;"
                + " columns 3 \"Số CCCD\" and 6 \"Số CCCD *\" both map to citizen_id; remove one of each and export again",
                e3.getMessage());
    }

    @Test
    void aDuplicateInARowThatIsNotTheHeaderIsJustData() throws IOException {
        Path p = write("don_vi.csv", "Mã đơn vị,Tên đơn vị,Ngày cập nhật\nTên đơn vị,Tên đơn vị,2024-10-01\n", false);
        List<SourceRow> out = new ArrayList<>();
        read(p, out);
        assertEquals("Tên đơn vị", out.get(0).values().get("unit_code"));
    }

    @Test
    void aMissingRequiredColumnRejectsTheFileNamingIt() throws IOException {
        Path p = write("tai_khoan.csv", "TIÊU ĐỀ\nMã tài khoản;Họ và tên;Ngày cập nhật\nA1;An;2024-01-01\n", false);
        SourceFileException e = assertThrows(SourceFileException.class, () -> read(p, new ArrayList<>()));
        assertEquals("tai_khoan.csv: required column 'Số CCCD' (citizen_id) is missing", e.getMessage());

        Path two = write("tai_khoan_2.csv", "Mã tài khoản,Họ và tên\nA1,An\n", false);
        SourceFileException e2 = assertThrows(SourceFileException.class, () -> read(two, new ArrayList<>()));
        assertEquals("tai_khoan_2.csv: required columns 'Số CCCD' (citizen_id), 'Ngày cập nhật' (updated_at) are missing",
                e2.getMessage());
    }

    @Test
    void noHeaderAtAllIsReported() throws IOException {
        Path p = write("dan_so.csv", "a,b,c\n1,2,3\n", false);
        SourceFileException e = assertThrows(SourceFileException.class, () -> read(p, new ArrayList<>()));
        assertEquals("dan_so.csv: no header row found in the first 20 rows (expected headers such as 'Năm', 'Mã xã', "
                + "'Số người trong độ tuổi')", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void invalidUtf8IsReportedNotGarbled() throws IOException {
        Path p = dir.resolve("dan_so.csv");
        byte[] head = "Năm,Mã xã,Số người trong độ tuổi\n2024,00001,".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = (byte) 0x28;
        bytes[head.length + 2] = '\n';
        Files.write(p, bytes);
        SourceFileException e = assertThrows(SourceFileException.class, () -> read(p, new ArrayList<>()));
        assertTrue(e.getMessage().startsWith("dan_so.csv: not valid UTF-8"), e.getMessage());
    }

    @Test
    void anUnclosedQuoteIsReportedWithItsLine() throws IOException {
        Path p = write("don_vi.csv", "Mã đơn vị,Tên đơn vị,Ngày cập nhật\nDV1,A,2024-10-01\nDV2,\"B,2024-10-02\n", false);
        SourceFileException e = assertThrows(SourceFileException.class, () -> read(p, new ArrayList<>()));
        assertTrue(e.getMessage().startsWith("don_vi.csv: malformed CSV near line 3 ("), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void invalidUtf8IsReportedAtItsTrueLineFarFromTheStart() throws IOException {
        assertEquals("phieu_danh_gia.csv: not valid UTF-8 text at line 1201; save the file as UTF-8 (Excel: CSV UTF-8)"
                + " and export again", badByteAfter(1200, false, 0).getMessage());
        // with a BOM and 12 quoted line breaks on the way: physical lines still, not records
        assertEquals("phieu_danh_gia.csv: not valid UTF-8 text at line 1213; save the file as UTF-8 (Excel: CSV UTF-8)"
                + " and export again", badByteAfter(1200, true, 100).getMessage());
        // past the separator detection's read-ahead (128 Ki characters): found while parsing
        assertEquals("phieu_danh_gia.csv: not valid UTF-8 text at line 5001; save the file as UTF-8 (Excel: CSV UTF-8)"
                + " and export again", badByteAfter(5000, false, 0).getMessage());
    }

    /** {@code lines} good lines (the header first), then a line with a bad byte; every {@code quoteEvery}th quoted. */
    private SourceFileException badByteAfter(int lines, boolean bom, int quoteEvery) throws IOException {
        Path p = dir.resolve("phieu_danh_gia.csv");
        StringBuilder good = new StringBuilder("Mã phiếu,Mã tài khoản,Năm đánh giá,Ghi chú,Ngày gửi,Ngày cập nhật\r\n");
        for (int i = 2; i <= lines; i++) {
            boolean quoted = quoteEvery > 0 && i % quoteEvery == 0;
            good.append("P").append(i).append(",A").append(i).append(",2024,")
                    .append(quoted ? "\"Đạt\r\nyêu cầu\"" : "Đạt yêu cầu").append(",01/10/2024,01/10/2024\r\n");
        }
        byte[] bad = "P9,A9,2024,Đ".getBytes(StandardCharsets.UTF_8);
        bad[bad.length - 1] = (byte) 0x28; // 'Đ' is C4 90: the lead byte C4 followed by '(' is not UTF-8
        Files.write(p, concat(bom ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF} : new byte[0],
                good.toString().getBytes(StandardCharsets.UTF_8), bad,
                ",01/10/2024,01/10/2024\r\n".getBytes(StandardCharsets.UTF_8)));
        return assertThrows(SourceFileException.class, () -> read(p, new ArrayList<>()));
    }

    @Test
    void invalidUtf8InTheFirstLinesIsReportedAtItsLineToo() throws IOException {
        Path p = dir.resolve("dan_so.csv");
        byte[] head = "Năm,Mã xã,Số người trong độ tuổi\n2024,00001,5\n2024,00002,".getBytes(StandardCharsets.UTF_8);
        Files.write(p, concat(head, new byte[] {(byte) 0xFF, '\n'}));
        SourceFileException e = assertThrows(SourceFileException.class, () -> read(p, new ArrayList<>()));
        assertTrue(e.getMessage().startsWith("dan_so.csv: not valid UTF-8 text at line 3;"), e.getMessage());
    }

    /** The names of an accounts file: real ones, and every vowel with every tone in both cases, and đ/Đ. */
    static final List<String> NAMES = names();

    private static List<String> names() {
        List<String> names = new ArrayList<>(List.of("Nguyễn Thị Ngọc Ánh", "Đặng Quốc Huy", "Trần Thị Bình",
                "Lê Văn Hoà", "Phạm Thị Thuỷ", "Vũ Ngọc Ẩn", "Hoàng Văn Út"));
        names.addAll(VietnameseEncoders.vowelLines());
        return List.copyOf(names);
    }

    /** What offices save an accounts list as. */
    enum OfficeEncoding {
        UTF_8("UTF-8", ',', "\n"),
        UTF_8_BOM("UTF-8 with BOM", ';', "\r\n"),
        /** Excel's "Unicode Text": UTF-16LE with a BOM, tabs, CRLF. */
        EXCEL_UNICODE_TEXT("UTF-16LE with BOM", '\t', "\r\n"),
        UTF_16LE("UTF-16LE", '\t', "\r\n"),
        UTF_16BE_BOM("UTF-16BE with BOM", '\t', "\r\n"),
        UTF_16BE("UTF-16BE", ',', "\n"),
        /** Excel's "CSV" on a Vietnamese Windows. */
        WINDOWS_1258("Windows-1258", ',', "\r\n"),
        TCVN3("TCVN3", ';', "\r\n"),
        VNI("VNI", ',', "\r\n");

        final String label;
        final char separator;
        final String lineBreak;

        OfficeEncoding(String label, char separator, String lineBreak) {
            this.label = label;
            this.separator = separator;
            this.lineBreak = lineBreak;
        }

        byte[] encode(String text) {
            byte[] bomLe = {(byte) 0xFF, (byte) 0xFE};
            byte[] bomBe = {(byte) 0xFE, (byte) 0xFF};
            return switch (this) {
                case UTF_8 -> text.getBytes(StandardCharsets.UTF_8);
                case UTF_8_BOM -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        text.getBytes(StandardCharsets.UTF_8));
                case EXCEL_UNICODE_TEXT -> concat(bomLe, text.getBytes(StandardCharsets.UTF_16LE));
                case UTF_16LE -> text.getBytes(StandardCharsets.UTF_16LE);
                case UTF_16BE_BOM -> concat(bomBe, text.getBytes(StandardCharsets.UTF_16BE));
                case UTF_16BE -> text.getBytes(StandardCharsets.UTF_16BE);
                case WINDOWS_1258 -> VietnameseEncoders.windows1258(text);
                case TCVN3 -> VietnameseEncoders.tcvn3(text);
                case VNI -> VietnameseEncoders.vni(text);
            };
        }
    }

    /** An accounts file as the office's software writes it: a title, the header, a row per name. */
    static String accountsText(char sep, String lineBreak) {
        StringBuilder text = new StringBuilder("DANH SÁCH TÀI KHOẢN CÔNG DÂN HỌC TẬP").append(lineBreak);
        text.append(String.join(String.valueOf(sep), "Mã tài khoản", "Số CCCD", "Họ và tên", "Giới tính", "Ghi chú",
                "Ngày cập nhật")).append(lineBreak);
        for (int i = 0; i < NAMES.size(); i++) {
            text.append(String.join(String.valueOf(sep), "TK" + i, String.format("0010900%05d", i), NAMES.get(i),
                    i % 2 == 0 ? "Nữ" : "Nam", "Đã xác minh", "01/10/2025")).append(lineBreak);
        }
        return text.toString();
    }

    @ParameterizedTest
    @EnumSource(OfficeEncoding.class)
    void everyEncodingAnOfficeSavesInIsReadWithTheExactNames(OfficeEncoding encoding) throws IOException {
        Path p = dir.resolve("tai_khoan.csv");
        Files.write(p, encoding.encode(accountsText(encoding.separator, encoding.lineBreak)));
        List<SourceRow> out = new ArrayList<>();
        FileReadReport report = read(p, out);
        assertEquals(encoding.label, report.encoding());
        assertEquals(encoding.separator, report.separator());
        assertEquals(2, report.headerRowNumber());
        assertEquals(List.of("Ghi chú"), report.unknownColumns());
        assertEquals(LegacyFontCounts.NONE, report.legacyFontCells());
        assertEquals(NAMES, out.stream().map(r -> r.values().get("full_name")).toList());
        for (SourceRow row : out) {
            assertTrue(Normalizer.isNormalized(row.values().get("full_name"), Normalizer.Form.NFC));
            assertTrue(List.of("Nam", "Nữ").contains(row.values().get("sex")), row.values().toString());
        }
        assertEquals("TK0,001090000000,Nguyễn Thị Ngọc Ánh,Nữ,Đã xác minh,01/10/2025", out.get(0).raw(),
                "raw is Unicode (NFC from the legacy encodings)");
    }

    @Test
    void excelUnicodeTextQuotesCellsWithTabsQuotesOrLineBreaks() throws IOException {
        Path p = dir.resolve("don_vi.csv");
        String text = "Mã đơn vị\tTên đơn vị\tNgày cập nhật\r\n"
                + "DV1\t\"Trường THCS \"\"Quang Trung\"\"\tcơ sở 2\"\t01/10/2025\r\n"
                + "DV2\t\"UBND xã Đông Hoà\r\nthôn 3\"\t02/10/2025\r\n";
        Files.write(p, OfficeEncoding.EXCEL_UNICODE_TEXT.encode(text));
        List<SourceRow> out = new ArrayList<>();
        FileReadReport report = read(p, out);
        assertEquals('\t', report.separator());
        assertEquals(List.of("Trường THCS \"Quang Trung\"\tcơ sở 2", "UBND xã Đông Hoà\r\nthôn 3"),
                out.stream().map(r -> r.values().get("unit_name")).toList());
        assertEquals(3, out.get(1).rowNumber());
    }

    @Test
    void aFileWhoseEncodingCannotBeToldIsRefusedSayingWhatToDo() throws IOException {
        Path p = dir.resolve("dan_so.csv");
        Files.write(p, concat("Nam,Ma xa,So nguoi\n2024,00001,5 ".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xB1, (byte) 0xA9, '\n'}));
        SourceFileException e = assertThrows(SourceFileException.class, () -> read(p, new ArrayList<>()));
        assertEquals("dan_so.csv: cannot tell the text encoding (tried UTF-8, UTF-16, Windows-1258, TCVN3, VNI);"
                + " in Excel choose File > Save As > \"CSV UTF-8 (Comma delimited) (*.csv)\" and export again",
                e.getMessage());
    }

    @Test
    void aWindows1258FileWithAByteItHasNotIsRefusedAtItsLine() throws IOException {
        Path p = dir.resolve("tai_khoan.csv");
        byte[] good = VietnameseEncoders.windows1258(accountsText(',', "\r\n"));
        Files.write(p, concat(good, "TK99,001090000099,Nguy".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0x81}, "n,Nam,,01/10/2025\r\n".getBytes(StandardCharsets.US_ASCII)));
        SourceFileException e = assertThrows(SourceFileException.class, () -> read(p, new ArrayList<>()));
        assertEquals("tai_khoan.csv: not valid Windows-1258 text at line " + (NAMES.size() + 3)
                + "; save the file as UTF-8 (Excel: CSV UTF-8) and export again", e.getMessage());
    }

    @Test
    void cellsTypedInALegacyFontInAUtf8FileAreConvertedAndCounted() throws IOException {
        String tcvn3 = VietnameseEncoders.asWindows1252(VietnameseEncoders.tcvn3("Nguyễn Thị Ngọc Ánh"));
        String vni = VietnameseEncoders.asWindows1252(VietnameseEncoders.vni("Đặng Quốc Huy"));
        assertEquals("NguyÔn ThÞ Ngäc ¸nh", tcvn3);
        assertEquals("Ñaëng Quoác Huy", vni);
        Path p = write("tai_khoan.csv", "Mã tài khoản,Số CCCD,Họ và tên,Ngày cập nhật\n"
                + "TK1,001190000001," + tcvn3 + ",01/10/2025\n"
                + "TK2,001090000002," + vni + ",01/10/2025\n"
                + "TK3,001090000003,Trần Văn Tài,01/10/2025\n"
                + "TK4,001090000004,José Müller,01/10/2025\n", false);
        List<SourceRow> out = new ArrayList<>();
        FileReadReport report = read(p, out);
        assertEquals(List.of("Nguyễn Thị Ngọc Ánh", "Đặng Quốc Huy", "Trần Văn Tài", "José Müller"),
                out.stream().map(r -> r.values().get("full_name")).toList());
        assertEquals(new LegacyFontCounts(1, 1), report.legacyFontCells());
        assertTrue(out.get(0).raw().contains("Nguyễn Thị Ngọc Ánh"), out.get(0).raw());
    }

    @Test
    void aRecordLongerThanTheLimitRejectsTheFileWithItsLineNotTheHeap() throws IOException {
        Path p = dir.resolve("don_vi.csv");
        try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            w.write("Mã đơn vị,Tên đơn vị,Ngày cập nhật\nDV1,A,2024-10-01\nDV2,\"B");
            String chunk = "x".repeat(999) + "\n";
            for (int i = 0; i < 3_000; i++) { // an unclosed quote swallowing 3 million characters
                w.write(chunk);
            }
        }
        SourceFileException e = assertThrows(SourceFileException.class, () -> read(p, new ArrayList<>()));
        assertEquals("don_vi.csv: the record starting at line 3 is longer than 1000000 characters"
                + " (ingest.limits.max-record-chars); look for an unclosed quote there, or raise the limit", e.getMessage());

        ExtractionLimits tiny = new ExtractionLimits(1 << 20, 10, 100, 1_000);
        Path small = write("tai_khoan.csv", "Mã tài khoản,Số CCCD,Họ và tên,Ngày cập nhật\n"
                + "A1,036123456789,An,2024-10-01\n" + "A2,036123456789," + "y".repeat(200_000) + ",2024-10-01\n", false);
        List<SourceRow> rows = new ArrayList<>();
        SourceFileException e2 = assertThrows(SourceFileException.class,
                () -> SourceFileReader.read(SourceFile.of(small), rows::add, tiny));
        assertTrue(e2.getMessage().startsWith("tai_khoan.csv: the record starting at line 3 is longer than 1000"
                + " characters"), e2.getMessage());

        Path fits = write("tai_khoan_3.csv", "Mã tài khoản,Số CCCD,Họ và tên,Ngày cập nhật\n"
                + "A1,036123456789," + "z".repeat(900) + ",2024-10-01\n", false);
        assertEquals(1, SourceFileReader.read(SourceFile.of(fits), r -> { }, tiny).rowsRead(),
                "a record within the limit is read");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void streamsALargeFileRowByRow() throws IOException {
        Path p = dir.resolve("phieu_danh_gia.csv");
        int n = 300_000;
        try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            w.write("Mã phiếu,Mã tài khoản,Năm đánh giá,TC1,TC2,TC3,Tổng điểm,Kết quả,Ngày gửi,Ngày cập nhật\n");
            for (int i = 0; i < n; i++) {
                w.write("P" + i + ",A" + i + ",2024,10,7.5,8,25.5,Đạt,01/10/2024 08:00,2024-10-01T08:00:00\n");
            }
        }
        AtomicLong count = new AtomicLong();
        AtomicLong last = new AtomicLong();
        FileReadReport report = SourceFileReader.read(SourceFile.of(p), r -> {
            count.incrementAndGet();
            last.set(r.rowNumber());
        });
        assertEquals(n, count.get());
        assertEquals(n, report.rowsRead());
        assertEquals(n + 1, last.get());
    }
}
