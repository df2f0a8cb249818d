package vn.cdht.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.pipelines.SharedWarehouse;
import vn.cdht.pipelines.source.text.VietnameseEncoders;
import vn.cdht.warehouse.ingest.FileRecord;

/**
 * One batch whose accounts come in every encoding an office saves them in, one file per encoding (in sub-folders,
 * all named tai_khoan): every row is accepted and every name reaches restricted.citizens exactly, in NFC.
 */
class EncodedBatchIngestionTest {

    @TempDir
    static Path dir;
    static IngestReport report;
    /** Account id → the name as it must arrive. */
    static final Map<String, String> EXPECTED = new TreeMap<>();
    /** File → the encoding the batch report and cdht batches show. */
    static final Map<String, String> ENCODINGS = new LinkedHashMap<>();

    private final SparkSession spark = SharedWarehouse.spark();

    private static final String[] HEADER = {"Mã tài khoản", "Số CCCD", "Họ và tên", "Ngày sinh", "Giới tính", "Mã tỉnh",
            "Mã huyện", "Mã xã", "Nhóm đối tượng", "Ngày cập nhật"};

    static List<String> names() {
        List<String> names = new ArrayList<>(List.of("Nguyễn Thị Ngọc Ánh", "Đặng Quốc Huy", "Phạm Thị Thuỷ",
                "Lê Văn Hoà", "Vũ Ngọc Ẩn", "Hoàng Văn Út", "Trương Thị Ý"));
        names.addAll(VietnameseEncoders.vowelLines());
        return names;
    }

    /** The cells of one account row: a CCCD of province 062 whose sex and birth year match the row's. */
    static String[] row(String id, int n, String name) {
        boolean female = n % 2 == 0;
        String cccd = "062" + (female ? "1" : "0") + "90" + String.format("%06d", n);
        return new String[] {id, cccd, name, "1990-03-03", female ? "Nữ" : "Nam", "62", "608", "23281", "III",
                "01/04/2024"};
    }

    /** An accounts file's text: a title line, the header, a row per name; account ids prefixed. */
    static String accounts(String prefix, char sep, String lineBreak, int first) {
        StringBuilder text = new StringBuilder("DANH SÁCH TÀI KHOẢN").append(lineBreak);
        text.append(String.join(String.valueOf(sep), HEADER)).append(lineBreak);
        List<String> names = names();
        for (int i = 0; i < names.size(); i++) {
            String id = prefix + i;
            text.append(String.join(String.valueOf(sep), row(id, first + i, names.get(i)))).append(lineBreak);
            EXPECTED.put(id, names.get(i));
        }
        return text.toString();
    }

    static void csv(Path batch, String folder, String label, byte[] bytes) throws IOException {
        Path file = Files.createDirectories(batch.resolve(folder)).resolve("tai_khoan.csv");
        Files.write(file, bytes);
        ENCODINGS.put(folder + "/tai_khoan.csv", label);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A row typed by hand from a public reference: TCVN3 "B¶o Th¾ng", VNI "Xin chaøo" (Bảo Thắng, Xin Chào). */
    static byte[] handTyped(String id, int n, String expected, byte[] nameBytes, Function<String, byte[]> encoder) {
        String[] cells = row(id, n, "@");
        String line = String.join(",", cells) + "\r\n";
        int at = line.indexOf('@');
        EXPECTED.put(id, expected);
        return concat(encoder.apply(line.substring(0, at)), nameBytes, encoder.apply(line.substring(at + 1)));
    }

    static void xlsx(Path batch, String folder, String label, String prefix, int first, UnaryOperator<String> font)
            throws IOException {
        Path file = Files.createDirectories(batch.resolve(folder)).resolve("tai_khoan.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Danh sách");
            sheet.createRow(0).createCell(0).setCellValue("DANH SÁCH TÀI KHOẢN");
            Row h = sheet.createRow(2);
            for (int c = 0; c < HEADER.length; c++) {
                h.createCell(c).setCellValue(HEADER[c]); // the template's header is Unicode, the names were typed
            }
            List<String> names = names();
            for (int i = 0; i < names.size(); i++) {
                String[] cells = row(prefix + i, first + i, font.apply(names.get(i)));
                Row r = sheet.createRow(3 + i);
                for (int c = 0; c < cells.length; c++) {
                    r.createCell(c).setCellValue(cells[c]);
                }
                EXPECTED.put(prefix + i, names.get(i));
            }
            wb.write(out);
        }
        ENCODINGS.put(folder + "/tai_khoan.xlsx", label);
    }

    @BeforeAll
    static void ingestOneBatchInEveryEncoding() throws IOException {
        SharedWarehouse.clearIngestedData();
        Path batch = Files.createDirectories(dir.resolve("batch-encodings"));
        byte[] utf8Bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf16LeBom = {(byte) 0xFF, (byte) 0xFE};
        byte[] utf16BeBom = {(byte) 0xFE, (byte) 0xFF};
        csv(batch, "utf8", "UTF-8", accounts("U8-", ',', "\n", 100).getBytes(StandardCharsets.UTF_8));
        csv(batch, "utf8-bom", "UTF-8 with BOM",
                concat(utf8Bom, accounts("U8B-", ';', "\r\n", 200).getBytes(StandardCharsets.UTF_8)));
        csv(batch, "unicode-text", "UTF-16LE with BOM", // Excel's "Unicode Text"
                concat(utf16LeBom, accounts("U16L-", '\t', "\r\n", 300).getBytes(StandardCharsets.UTF_16LE)));
        csv(batch, "utf16be", "UTF-16BE with BOM",
                concat(utf16BeBom, accounts("U16B-", '\t', "\r\n", 400).getBytes(StandardCharsets.UTF_16BE)));
        csv(batch, "utf16le-no-bom", "UTF-16LE", accounts("U16N-", ',', "\r\n", 500).getBytes(StandardCharsets.UTF_16LE));
        csv(batch, "windows-1258", "Windows-1258", // Excel's "CSV" on a Vietnamese Windows
                VietnameseEncoders.windows1258(accounts("W-", ',', "\r\n", 600)));
        csv(batch, "tcvn3", "TCVN3", concat(VietnameseEncoders.tcvn3(accounts("T-", ',', "\r\n", 700)),
                handTyped("T-H", 799, "Bảo Thắng", new byte[] {'B', (byte) 0xB6, 'o', ' ', 'T', 'h', (byte) 0xBE, 'n', 'g'},
                        VietnameseEncoders::tcvn3)));
        csv(batch, "vni", "VNI", concat(VietnameseEncoders.vni(accounts("V-", ',', "\r\n", 800)),
                handTyped("V-H", 899, "Xin Chào", new byte[] {'X', 'i', 'n', ' ', 'C', 'h', 'a', (byte) 0xF8, 'o'},
                        VietnameseEncoders::vni)));
        xlsx(batch, "xlsx-tcvn3", "XLSX (Unicode); TCVN3 font: " + (names().size()) + " cells converted", "XT-", 900,
                s -> VietnameseEncoders.asWindows1252(VietnameseEncoders.tcvn3(s)));
        xlsx(batch, "xlsx-vni", "XLSX (Unicode); VNI font: " + (names().size()) + " cells converted", "XV-", 950,
                s -> VietnameseEncoders.asWindows1252(VietnameseEncoders.vni(s)));
        report = new BatchIngestion(SharedWarehouse.spark(), SharedWarehouse.ledger(), SharedWarehouse.staging(), m -> { })
                .run(batch);
    }

    @Test
    void everyFileInEveryEncodingIsIngestedWithEveryRowAccepted() {
        assertTrue(report.reconciles(), report.toString());
        assertEquals(ENCODINGS.keySet(), new java.util.HashSet<>(report.files().stream().map(FileRecord::fileName).toList()));
        for (FileRecord f : report.files()) {
            assertEquals("ingested", f.status(), f.toString());
            assertEquals(names().size() + (f.fileName().startsWith("tcvn3/") || f.fileName().startsWith("vni/") ? 1 : 0),
                    f.rowsRead(), f.toString());
            assertEquals(f.rowsRead(), f.rowsAccepted(), f.toString());
            assertEquals(ENCODINGS.get(f.fileName()), f.encodingNote(), f.fileName());
        }
        // what cdht batches shows: the ledger's record of the files
        Map<String, String> recorded = new TreeMap<>();
        SharedWarehouse.ledger().files(report.batchId()).forEach(f -> recorded.put(f.fileName(), f.encodingNote()));
        assertEquals(new TreeMap<>(ENCODINGS), recorded);
    }

    @Test
    void theExactNamesReachRestrictedCitizensInNfc() {
        Map<String, String> arrived = new TreeMap<>();
        spark.sql("SELECT account_id, full_name FROM restricted.citizens").collectAsList()
                .forEach(r -> arrived.put(r.getString(0), r.getString(1)));
        assertEquals(EXPECTED, arrived);
        assertEquals("Nguyễn Thị Ngọc Ánh", arrived.get("T-0"));
        assertEquals("Đặng Quốc Huy", arrived.get("V-1"));
        assertEquals("Nguyễn Thị Ngọc Ánh", arrived.get("W-0"));
        assertTrue(arrived.values().stream().allMatch(n -> java.text.Normalizer.isNormalized(n, java.text.Normalizer.Form.NFC)));
        assertEquals(0, spark.sql("SELECT * FROM quarantine.rows").count());
        assertEquals(EXPECTED.size(), spark.sql("SELECT * FROM core.accounts").count());
    }
}
