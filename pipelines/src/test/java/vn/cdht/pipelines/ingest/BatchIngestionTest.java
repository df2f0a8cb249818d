package vn.cdht.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.pipelines.SharedWarehouse;
import vn.cdht.warehouse.ingest.FileRecord;

/**
 * Export batches as they really come (contracts/operational-source.md, "What real files look like"), with hand-made
 * fixtures whose every row has a purpose. Tests run in order on one warehouse.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchIngestionTest {

    @TempDir
    static Path dir;
    static Path batch1;
    static IngestReport first;
    private final SparkSession spark = SharedWarehouse.spark();

    static BatchIngestion ingestion() {
        return new BatchIngestion(SharedWarehouse.spark(), SharedWarehouse.ledger(), SharedWarehouse.staging(), m -> { });
    }

    static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    @BeforeAll
    static void firstBatch() throws IOException {
        SharedWarehouse.clearIngestedData();
        batch1 = Files.createDirectories(dir.resolve("batch-2025-10"));
        // Units: UTF-8 with BOM, ';' separator, CRLF; one unit on the old geography, one on the new.
        write(batch1.resolve("don_vi.csv"), "\uFEFFMã đơn vị;Tên đơn vị;Loại đơn vị;Mã tỉnh;Mã huyện;Mã xã;Số thành viên;Ngày cập nhật\r\n"
                + "B51pzCjW;Trường Tiểu học Quang Trung;Trường học;62;608;23281;30;01/03/2024 08:00:00\r\n"
                + "Xk9mQ2aZ;UBND Phường Kon Tum;UBND xã;51;;23293;25;1/8/2025\r\n");
        // Accounts: ',' and LF, decomposed (NFD) names, CCCD as Excel leaves it.
        String header = "Mã tài khoản,Số CCCD,Họ và tên,Ngày sinh,Giới tính,Số điện thoại,Mã tỉnh,Mã huyện,Mã xã,Mã đơn vị,"
                + "Nhóm đối tượng,Ngày đăng ký,Ngày cập nhật,Trạng thái,Ghi chú\n";
        write(batch1.resolve("tai_khoan.csv"), header
                // TK1: 11 digits (leading zero lost): repaired.
                + "TK1,62090123456," + nfd("Nguyễn Văn An") + ",01/05/1990,Nam,0912345678,62,608,23281,B51pzCjW,III,05/03/2024 09:00:00,05/03/2024 09:00:00,Hoạt động,\n"
                // the same row twice: DUPLICATE_ROW
                + "TK1,62090123456," + nfd("Nguyễn Văn An") + ",01/05/1990,Nam,0912345678,62,608,23281,B51pzCjW,III,05/03/2024 09:00:00,05/03/2024 09:00:00,Hoạt động,\n"
                // TK2: typed as text with an apostrophe, on the new geography after the switch
                + "TK2,'062301654321,Trần Thị Bình,2001-02-02,Nữ,,51,,23293,Xk9mQ2aZ,Nhóm III,2025-08-01 10:00,2025-08-01 10:00,,\n"
                // TK5: unknown commune
                + "TK5,062090000555,Lê Văn Năm,1990-01-01,Nam,,62,608,99999,B51pzCjW,III,01/04/2024,01/04/2024,,\n"
                // TK6: no CCCD
                + "TK6,,Phạm Văn Sáu,1990-01-01,Nam,,62,608,23281,B51pzCjW,III,01/04/2024,01/04/2024,,\n"
                // TK7: unknown unit code (kept, flagged)
                + "TK7,062090000777,Hoàng Văn Bảy,1990-07-07,Nam,,62,608,23281,ZZZZZZZZ,I,01/04/2024,01/04/2024,,\n"
                // TK8: CCCD says male, the row says female
                + "TK8,062090000888,Đỗ Thị Tám,1990-08-08,Nữ,,62,608,23281,B51pzCjW,I,01/04/2024,01/04/2024,,\n"
                // TK9: updated after the switch but still carries its old commune code (kept, flagged)
                + "TK9,062090000999,Vũ Văn Chín,1990-09-09,Nam,,62,608,23281,B51pzCjW,III,01/04/2024,15/08/2025,,\n"
                // TK10: unparseable date
                + "TK10,062090000101,Bùi Văn Mười,1990-10-10,Nam,,62,608,23281,B51pzCjW,III,01/04/2024,31/02/2024,,\n");
        phieuDanhGia(batch1.resolve("phieu_danh_gia.xlsx"));
        write(batch1.resolve("cong_nhan.csv"), "Mã tài khoản,Năm,Số quyết định,Ngày quyết định,Mã đơn vị\n"
                + "TK1,2024,12/QĐ-THQT,20/11/2024,B51pzCjW\n");
        write(batch1.resolve("dan_so.csv"), "Năm,Mã xã,Số người trong độ tuổi\n"
                + "2024,23281,\"4.512\"\n2025,23293,12000\n2024,99999,10\n");
        write(batch1.resolve("ghi_chu.txt"), "not an export file");
        first = ingestion().run(batch1);
    }

    /** Self-assessments as a spreadsheet: title block, header on row 5, Excel dates, a signature block. */
    static void phieuDanhGia(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Phiếu");
            sheet.createRow(0).createCell(0).setCellValue("DANH SÁCH CÔNG DÂN TỰ ĐÁNH GIÁ");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 8));
            sheet.createRow(1).createCell(0).setCellValue("Đơn vị: Trường Tiểu học Quang Trung");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            String[] headers = {"Mã phiếu", "Mã tài khoản", "Năm đánh giá", "Bộ tiêu chí", "Nhóm đối tượng",
                    "TC1", "TC2", "TC3", "TC4", "TC5", "TC6", "TC7", "TC8", "TC9", "TC10", "Tổng điểm", "Kết quả",
                    "Ngày gửi", "Ngày cập nhật"};
            Row h = sheet.createRow(4);
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            // P1, P2, P3: TK1 submits three times in 2024; P3 (latest Ngày gửi) counts.
            assessment(sheet, 5, date, "P1", "TK1", 8, 80, "Đạt", 45545.4);       // 10/09/2024
            assessment(sheet, 6, date, "P2", "TK1", 6, 60, "Đạt", 45575.4);       // 10/10/2024
            assessment(sheet, 7, date, "P3", "TK1", 7, 70, "Đạt", 45585.4);       // 20/10/2024
            assessment(sheet, 8, date, "P4", "TK-GHOST", 8, 80, "Đạt", 45585.4);  // orphan: kept
            assessment(sheet, 9, date, "P5", "TK2", 12, 120, "Đạt", 45585.4);     // scores out of range
            assessment(sheet, 10, date, "P6", "TK2", 3, 30, "Đạt", 45585.4);      // the rule says not achieved
            sheet.createRow(12).createCell(0).setCellValue("Người lập biểu");
            sheet.createRow(13).createCell(10).setCellValue("Kon Tum, ngày 30 tháng 10 năm 2024");
            wb.write(out);
        }
    }

    static void assessment(Sheet sheet, int row, CellStyle date, String id, String account, double score, double total,
                           String result, double serial) {
        Row r = sheet.createRow(row);
        r.createCell(0).setCellValue(id);
        r.createCell(1).setCellValue(account);
        r.createCell(2).setCellValue(2024);
        r.createCell(3).setCellValue("324/QĐ-KHVN");
        r.createCell(4).setCellValue("III");
        for (int i = 0; i < 10; i++) {
            r.createCell(5 + i).setCellValue(score);
        }
        r.createCell(15).setCellValue(total);
        r.createCell(16).setCellValue(result);
        r.createCell(17).setCellValue(serial);
        r.getCell(17).setCellStyle(date);
        r.createCell(18).setCellValue(serial); // a serial number without a date format: still a date for this field
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private FileRecord file(IngestReport report, String name) {
        return report.files().stream().filter(f -> f.fileName().equals(name)).findFirst().orElseThrow();
    }

    private Map<String, List<String>> quarantined(String entity) {
        Map<String, List<String>> out = new TreeMap<>();
        spark.sql("SELECT row_number, reasons FROM quarantine.rows WHERE entity = '" + entity + "'").collectAsList()
                .forEach(r -> out.put(String.valueOf(r.getLong(0)), r.getList(1)));
        return out;
    }

    @Test
    @Order(1)
    void everyFileReconciles() {
        assertTrue(first.reconciles(), first.toString());
        FileRecord accounts = file(first, "tai_khoan.csv");
        assertEquals(9, accounts.rowsRead());
        assertEquals(5, accounts.rowsQuarantined(), "duplicate, unknown commune, no CCCD, sex mismatch, bad date");
        assertEquals(4, accounts.rowsAccepted(), "TK1, TK2, TK7, TK9");
        assertEquals("Ghi chú", accounts.unknownColumns());
        FileRecord assessments = file(first, "phieu_danh_gia.xlsx");
        assertEquals(6, assessments.rowsRead());
        assertEquals(1, assessments.rowsQuarantined());
        assertEquals(2, assessments.trailerRows(), "the signature block is not data");
        assertEquals("ignored", file(first, "ghi_chu.txt").status());
        assertEquals(2, file(first, "don_vi.csv").rowsAccepted());
        assertEquals(2, file(first, "dan_so.csv").rowsAccepted());
    }

    @Test
    @Order(2)
    void badRowsAreQuarantinedWithTheirReasons() {
        Map<String, List<String>> accounts = quarantined("accounts");
        assertEquals(List.of("DUPLICATE_ROW"), accounts.get("3"));
        assertEquals(List.of("UNKNOWN_COMMUNE"), accounts.get("5"));
        assertEquals(List.of("MISSING_REQUIRED:citizen_id"), accounts.get("6"));
        assertEquals(List.of("CCCD_SEX_MISMATCH"), accounts.get("8"));
        assertEquals(List.of("BAD_DATE:updated_at"), accounts.get("10"));
        assertEquals(List.of("SCORE_OUT_OF_RANGE"), quarantined("self_assessments").get("10"));
        assertEquals(List.of("UNKNOWN_COMMUNE"), quarantined("population").get("4"));
        String raw = spark.sql("SELECT raw_line FROM quarantine.rows WHERE entity = 'accounts' AND row_number = 5").first().getString(0);
        assertTrue(raw.startsWith("TK5,062090000555,"), raw);
    }

    @Test
    @Order(3)
    void acceptedRowsAreTypedNormalisedPseudonymisedAndPlaced() {
        assertEquals("062090123456", spark.sql("SELECT citizen_id FROM restricted.citizens WHERE account_id = 'TK1'").first().getString(0));
        assertEquals("062301654321", spark.sql("SELECT citizen_id FROM restricted.citizens WHERE account_id = 'TK2'").first().getString(0));
        String name = spark.sql("SELECT full_name FROM restricted.citizens WHERE account_id = 'TK1'").first().getString(0);
        assertEquals("Nguyễn Văn An", name);
        assertTrue(Normalizer.isNormalized(name, Normalizer.Form.NFC));
        assertEquals(64, spark.sql("SELECT citizen_key FROM core.accounts WHERE account_id = 'TK1'").first().getString(0).length());
        assertEquals(List.of("UNKNOWN_UNIT"), spark.sql("SELECT flags FROM core.accounts WHERE account_id = 'TK7'").first().getList(0));
        org.apache.spark.sql.Row tk9 = spark.sql("SELECT flags, geography, commune_code_2025 FROM core.accounts WHERE account_id = 'TK9'").first();
        assertEquals(List.of("COMMUNE_OTHER_GEOGRAPHY"), tk9.getList(0));
        assertEquals("2024", tk9.getString(1));
        assertEquals("23293", tk9.getString(2));
        assertEquals("III", spark.sql("SELECT citizen_group FROM core.accounts WHERE account_id = 'TK2'").first().getString(0));
        assertEquals(4512L, spark.sql("SELECT eligible FROM core.population WHERE year = 2024").first().getLong(0));
        assertEquals("2024-10-20 09:36:00", spark.sql("SELECT CAST(submitted_at AS STRING) FROM core.self_assessments"
                + " WHERE assessment_id = 'P3'").first().getString(0));
    }

    @Test
    @Order(4)
    void aCitizenWhoSubmittedThreeTimesCountsOnce() {
        org.apache.spark.sql.Row tk1 = spark.sql("SELECT assessment_id, submissions FROM core.yearly_assessments"
                + " WHERE account_id = 'TK1' AND year = 2024").first();
        assertEquals("P3", tk1.getString(0));
        assertEquals(3L, tk1.getLong(1));
        assertEquals(1, spark.sql("SELECT * FROM core.yearly_assessments WHERE account_id = 'TK1'").count());
        assertTrue(first.flags().get("self_assessments:ORPHAN") == 1, first.flags().toString());
        assertEquals(List.of("RULE_MISMATCH"), spark.sql("SELECT flags FROM core.self_assessments WHERE assessment_id = 'P6'")
                .first().getList(0));
    }

    @Test
    @Order(5)
    void theSameBatchTwiceChangesNothingAsAFolderOrAsAZip() throws IOException {
        long snapshotBefore = snapshot("core.accounts");
        IngestReport again = ingestion().run(batch1);
        assertEquals(IngestReport.Outcome.ALREADY_INGESTED, again.outcome());
        assertEquals(first.batchId(), again.batchId());
        Path zip = dir.resolve("batch-2025-10.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("don_vi.csv", "tai_khoan.csv", "phieu_danh_gia.xlsx", "cong_nhan.csv", "dan_so.csv", "ghi_chu.txt")) {
                z.putNextEntry(new ZipEntry(name));
                z.write(Files.readAllBytes(batch1.resolve(name)));
                z.closeEntry();
            }
        }
        assertEquals(IngestReport.Outcome.ALREADY_INGESTED, ingestion().run(zip).outcome());
        assertEquals(snapshotBefore, snapshot("core.accounts"));
    }

    @Test
    @Order(6)
    void anOverlappingBatchMergesByKeyAndUpdatedAtAndABadFileIsRejected() throws IOException {
        Path batch2 = Files.createDirectories(dir.resolve("batch-2025-11"));
        Files.copy(batch1.resolve("cong_nhan.csv"), batch2.resolve("cong_nhan.csv")); // same bytes: skipped
        write(batch2.resolve("tai_khoan.csv"), "Mã tài khoản,Số CCCD,Họ và tên,Ngày sinh,Giới tính,Mã xã,Mã đơn vị,Ngày cập nhật,Trạng thái\n"
                + "TK1,062090123456,Nguyễn Văn An,01/05/1990,Nam,23293,Xk9mQ2aZ,01/11/2025,Đã khóa\n"      // newer: wins
                + "TK2,062301654321,Trần Thị Bình,02/02/2001,Nữ,23293,Xk9mQ2aZ,01/08/2025 10:00:00,\n"      // same: superseded
                + "TK7,062090000777,Hoàng Văn Bảy,07/07/1990,Nam,23281,ZZZZZZZZ,01/01/2024,\n");            // older: superseded
        write(batch2.resolve("don_vi.csv"), "Tên đơn vị,Ngày cập nhật\nThiếu mã,01/11/2025\n");
        IngestReport second = ingestion().run(batch2);
        assertTrue(second.reconciles(), second.toString());
        FileRecord accounts = file(second, "tai_khoan.csv");
        assertEquals(1, accounts.rowsAccepted());
        assertEquals(2, accounts.rowsSuperseded());
        assertEquals("duplicate", file(second, "cong_nhan.csv").status());
        FileRecord units = file(second, "don_vi.csv");
        assertEquals("rejected", units.status());
        assertEquals("don_vi.csv: required column 'Mã đơn vị' (unit_code) is missing", units.message());
        org.apache.spark.sql.Row tk1 = spark.sql("SELECT status, geography, commune_code, unit_code FROM core.accounts"
                + " WHERE account_id = 'TK1'").first();
        assertEquals(List.of("locked", "2025", "23293", "Xk9mQ2aZ"),
                List.of(tk1.getString(0), tk1.getString(1), tk1.getString(2), tk1.getString(3)));
        assertEquals(1, spark.sql("SELECT * FROM core.accounts WHERE account_id = 'TK1'").count());
    }

    @Test
    @Order(7)
    void everyOtherReasonHasItsCodeAndAnOrphanIsResolvedWhenItsAccountArrives() throws IOException {
        assertTrue(spark.sql("SELECT is_orphan FROM core.yearly_assessments WHERE assessment_id = 'P4'").first().getBoolean(0));
        Path batch3 = Files.createDirectories(dir.resolve("batch-2025-12"));
        write(batch3.resolve("tai_khoan.csv"), "Mã tài khoản,Số CCCD,Họ và tên,Ngày sinh,Giới tính,Mã tỉnh,Mã huyện,Mã xã,Nhóm đối tượng,Ngày cập nhật\n"
                + "TK-GHOST,062090000321,Ngô Văn Ma,1990-03-03,Nam,62,608,23281,III,01/12/2025\n"   // the orphan's account
                + "TK20,0620900001,Lý Văn Hai,1990-03-03,Nam,62,608,23281,III,01/12/2025\n"         // 10 digits
                + "TK21,1620900001234,Lý Văn Ba,1990-03-03,Nam,62,608,23281,III,01/12/2025\n"      // 13 digits
                + "TK22,062090000222,Lý Văn Bốn,1990-03-03,Không rõ,62,608,23281,III,01/12/2025\n" // sex not Nam/Nữ
                + "TK23,062090000223,Lý Văn Năm,1990-03-03,Nam,62,608,23281,Nhóm IV,01/12/2025\n"  // no group IV
                + "TK24,062090000224,Lý Văn Sáu,1990-03-03,Nam,99,608,23281,III,01/12/2025\n"      // no province 99
                + "TK25,062090000225,Lý Văn Bảy,1990-03-03,Nam,62,999,23281,III,01/12/2025\n");    // no district 999
        write(batch3.resolve("don_vi.csv"), "Mã đơn vị,Tên đơn vị,Số thành viên,Ngày cập nhật\n"
                + "Q1w2E3r4,Doanh nghiệp Tư nhân Hòa Bình,mười,01/12/2025\n");                     // not a number
        IngestReport third = ingestion().run(batch3);
        assertTrue(third.reconciles(), third.toString());
        Map<String, List<String>> accounts = new TreeMap<>();
        spark.sql("SELECT split(raw_line, ',')[0], reasons FROM quarantine.rows WHERE batch_id = '" + third.batchId()
                + "' AND entity = 'accounts'").collectAsList().forEach(r -> accounts.put(r.getString(0), r.getList(1)));
        assertEquals(Map.of(
                "TK20", List.of("BAD_CCCD"),
                "TK21", List.of("BAD_CCCD"),
                "TK22", List.of("BAD_VALUE:sex"),
                "TK23", List.of("BAD_VALUE:citizen_group"),
                "TK24", List.of("UNKNOWN_PROVINCE"),
                "TK25", List.of("UNKNOWN_DISTRICT")), accounts);
        assertEquals(List.of("BAD_NUMBER:member_count"), spark.sql("SELECT reasons FROM quarantine.rows WHERE batch_id = '"
                + third.batchId() + "' AND entity = 'units'").first().getList(0));
        assertTrue(!spark.sql("SELECT is_orphan FROM core.yearly_assessments WHERE assessment_id = 'P4'").first().getBoolean(0),
                "P4's account has arrived");
    }

    @Test
    @Order(8)
    void aSecondAccountOfTheSameCccdAndAnOverLongNameAreKeptWithAFlag() throws IOException {
        Path batch = Files.createDirectories(dir.resolve("batch-2026-01"));
        String longName = "Nguyễn Thị Ngọc Ánh ".repeat(500).strip();
        write(batch.resolve("tai_khoan.csv"), "Mã tài khoản,Số CCCD,Họ và tên,Ngày sinh,Giới tính,Mã tỉnh,Mã huyện,Mã xã,Nhóm đối tượng,Ngày cập nhật\n"
                + "TK30,062090000321,Ngô Văn Ma,1990-03-03,Nam,62,608,23281,III,02/01/2026\n"   // TK-GHOST's CCCD, in core
                + "TK31,062090000331,Đặng Quốc Huy,1990-03-03,Nam,62,608,23281,III,02/01/2026\n"
                + "TK32,062090000331,Đặng Quốc Huy,1990-03-03,Nam,62,608,23281,III,02/01/2026\n" // TK31's, same batch
                + "TK33,062090000333," + longName + ",1990-03-03,Nam,62,608,23281,III,02/01/2026\n");
        IngestReport report = ingestion().run(batch);
        assertTrue(report.reconciles(), report.toString());
        assertEquals(4, report.rowsAccepted(), report.toString());
        assertEquals(3L, report.flags().get("accounts:CCCD_ON_MANY_ACCOUNTS"), report.flags().toString());
        assertEquals(1L, report.flags().get("accounts:TOO_LONG:full_name"), report.flags().toString());
        Map<String, List<String>> flags = new TreeMap<>();
        spark.sql("SELECT account_id, filter(flags, f -> f <> 'COMMUNE_OTHER_GEOGRAPHY') FROM core.accounts"
                + " WHERE account_id IN ('TK30', 'TK31', 'TK32', 'TK33')")
                .collectAsList().forEach(r -> flags.put(r.getString(0), r.getList(1)));
        assertEquals(Map.of("TK30", List.of("CCCD_ON_MANY_ACCOUNTS"), "TK31", List.of("CCCD_ON_MANY_ACCOUNTS"),
                "TK32", List.of("CCCD_ON_MANY_ACCOUNTS"), "TK33", List.of("TOO_LONG:full_name")), flags);
        assertEquals(longName.length(), spark.sql("SELECT char_length(full_name) FROM restricted.citizens c JOIN core.accounts a"
                + " ON a.citizen_key = c.citizen_key WHERE a.account_id = 'TK33'").first().getInt(0), "kept as written");
    }

    private long snapshot(String table) {
        return spark.sql("SELECT snapshot_id FROM " + table + ".snapshots ORDER BY committed_at DESC LIMIT 1").first().getLong(0);
    }
}
