package vn.cdht.pipelines.source.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.pipelines.source.SourceRow;
import vn.cdht.warehouse.source.SourceEntity;

class BatchFilesTest {

    @TempDir
    Path dir;

    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("TAI_KHOAN.CSV", "Mã tài khoản,Số CCCD,Họ và tên,Ngày cập nhật\nA1,036123456789,An,2024-10-01\n");
        FILES.put("don_vi.xlsx", "not really a workbook");
        FILES.put("dan_so-2024.csv", "Năm;Mã xã;Số người trong độ tuổi\n2024;00001;1200\n");
        FILES.put("ghi_chu.csv", "x\n");
        FILES.put("readme.txt", "hello\n");
        FILES.put("cong_nhan.pdf", "%PDF");
    }

    private Path folder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("batch"));
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            Files.writeString(folder.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        Files.writeString(folder.resolve(".DS_Store"), "x");
        Files.writeString(folder.resolve("~$don_vi.xlsx"), "lock");
        return folder;
    }

    private Path zip() throws IOException {
        Path zip = dir.resolve("batch.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("dot-2024-10/"));
            out.closeEntry();
            for (Map.Entry<String, String> f : FILES.entrySet()) {
                out.putNextEntry(new ZipEntry("dot-2024-10/" + f.getKey()));
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("__MACOSX/dot-2024-10/._TAI_KHOAN.CSV"));
            out.write(new byte[] {0, 1, 2});
            out.closeEntry();
        }
        return zip;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertListing(BatchFiles batch) throws Exception {
        List<String> names = batch.files().stream().map(SourceFile::name).toList();
        assertEquals(List.of("TAI_KHOAN.CSV", "cong_nhan.pdf", "dan_so-2024.csv", "don_vi.xlsx", "ghi_chu.csv",
                "readme.txt"), names);
        Map<String, SourceFile> byName = new LinkedHashMap<>();
        batch.files().forEach(f -> byName.put(f.name(), f));

        SourceFile accounts = byName.get("TAI_KHOAN.CSV");
        assertEquals(Optional.of(SourceEntity.ACCOUNTS), accounts.entity());
        assertEquals(Optional.of(SourceFormat.CSV), accounts.format());
        assertEquals(sha256(FILES.get("TAI_KHOAN.CSV")), accounts.sha256());
        assertEquals(FILES.get("TAI_KHOAN.CSV").getBytes(StandardCharsets.UTF_8).length, accounts.size());
        try (var in = accounts.open()) {
            assertEquals(FILES.get("TAI_KHOAN.CSV"), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(Optional.of(SourceEntity.UNITS), byName.get("don_vi.xlsx").entity());
        assertEquals(Optional.of(SourceFormat.XLSX), byName.get("don_vi.xlsx").format());
        assertEquals(Optional.of(SourceEntity.POPULATION), byName.get("dan_so-2024.csv").entity());

        assertEquals(List.of("TAI_KHOAN.CSV", "dan_so-2024.csv", "don_vi.xlsx"),
                batch.matched().stream().map(SourceFile::name).toList());
        assertEquals(List.of("cong_nhan.pdf", "ghi_chu.csv", "readme.txt"),
                batch.ignored().stream().map(SourceFile::name).toList());
        assertTrue(byName.get("ghi_chu.csv").ignoredReason().orElseThrow().contains("matches no entity"));
        assertTrue(byName.get("cong_nhan.pdf").ignoredReason().orElseThrow().contains("neither .csv nor .xlsx"));
        assertTrue(byName.get("TAI_KHOAN.CSV").ignoredReason().isEmpty());
    }

    @Test
    void listsAFolder() throws Exception {
        try (BatchFiles batch = BatchFiles.open(folder())) {
            assertListing(batch);
        }
    }

    @Test
    void listsAFolderReachedThroughASymbolicLink() throws Exception {
        Path folder = folder();
        Path link = Files.createSymbolicLink(dir.resolve("inbox-entry"), folder);
        try (BatchFiles batch = BatchFiles.open(link); BatchFiles direct = BatchFiles.open(folder)) {
            assertListing(batch);
            assertEquals(direct.checksum(), batch.checksum());
        }
    }

    @Test
    void extractsAZipAndHasTheSameChecksumAsTheFolder() throws Exception {
        String folderChecksum;
        try (BatchFiles batch = BatchFiles.open(folder())) {
            folderChecksum = batch.checksum();
        }
        Path extracted;
        try (BatchFiles batch = BatchFiles.open(zip())) {
            assertListing(batch);
            assertEquals(folderChecksum, batch.checksum());
            extracted = batch.matched().get(0).path();
            assertTrue(Files.exists(extracted));
            List<SourceRow> rows = new ArrayList<>();
            SourceFileReader.read(batch.matched().get(0), rows::add);
            assertEquals("036123456789", rows.get(0).values().get("citizen_id"));
        }
        assertFalse(Files.exists(extracted), "the temporary folder is deleted on close");

        Path target = dir.resolve("extract-here");
        try (BatchFiles batch = BatchFiles.open(zip(), target)) {
            assertEquals(folderChecksum, batch.checksum());
            assertTrue(batch.matched().get(0).path().startsWith(target));
        }
        assertTrue(Files.exists(target.resolve("dot-2024-10/TAI_KHOAN.CSV")), "a caller's folder is left alone");
    }

    @Test
    void theChecksumIsStableAndFollowsTheContent() throws Exception {
        Path folder = folder();
        String first;
        try (BatchFiles batch = BatchFiles.open(folder)) {
            first = batch.checksum();
        }
        try (BatchFiles batch = BatchFiles.open(folder)) {
            assertEquals(first, batch.checksum());
        }
        Files.writeString(folder.resolve("readme.txt"), "changed, but not part of the batch");
        try (BatchFiles batch = BatchFiles.open(folder)) {
            assertEquals(first, batch.checksum());
        }
        Files.writeString(folder.resolve("TAI_KHOAN.CSV"), "changed");
        try (BatchFiles batch = BatchFiles.open(folder)) {
            assertNotEquals(first, batch.checksum());
        }
    }

    @Test
    void aMissingPathOrAFileThatIsNotAZipIsRejected() throws IOException {
        Path missing = dir.resolve("no-such-batch");
        SourceFileException e = assertThrows(SourceFileException.class, () -> BatchFiles.open(missing));
        assertEquals(missing + ": batch does not exist", e.getMessage());

        Path text = Files.writeString(dir.resolve("batch.txt"), "x");
        SourceFileException e2 = assertThrows(SourceFileException.class, () -> BatchFiles.open(text));
        assertEquals(text + ": a batch must be a folder or a .zip file", e2.getMessage());

        Path badZip = Files.writeString(dir.resolve("bad.zip"), "not a zip");
        SourceFileException e3 = assertThrows(SourceFileException.class, () -> BatchFiles.open(badZip));
        assertTrue(e3.getMessage().startsWith(badZip + ": not a readable zip file"), e3.getMessage());
    }

    @Test
    void aZipEntryCannotEscapeTheExtractionFolder() throws IOException {
        Path zip = dir.resolve("evil.zip");
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(os)) {
            out.putNextEntry(new ZipEntry("../tai_khoan.csv"));
            out.write("x".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        SourceFileException e = assertThrows(SourceFileException.class, () -> BatchFiles.open(zip));
        assertTrue(e.getMessage().contains("points outside the batch"), e.getMessage());
    }

    private static final String ACCOUNTS_HEADER = "Mã tài khoản,Số CCCD,Họ và tên,Ngày cập nhật\n";

    private static String accounts(String prefix, int rows) {
        StringBuilder sb = new StringBuilder(ACCOUNTS_HEADER);
        for (int i = 1; i <= rows; i++) {
            sb.append(prefix).append(i).append(",036123456789,An,2024-10-01\n");
        }
        return sb.toString();
    }

    private static Map<String, String> nested() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("sub1/tai_khoan.csv", accounts("S1-", 100));
        files.put("sub2/tai_khoan.csv", accounts("S2-", 50));
        files.put("sub2/deeper/TAI_KHOAN.CSV", accounts("D-", 7));
        files.put("dan_so.csv", "Năm;Mã xã;Số người trong độ tuổi\n2024;00001;1200\n");
        files.put("sub1/ghi chú.txt", "x\n");
        return files;
    }

    private Path writeFolder(Path folder, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = folder.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        return folder;
    }

    private Path writeZip(Path zip, String top, Map<String, String> files) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                out.putNextEntry(new ZipEntry(top + f.getKey()));
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    private static void assertNested(BatchFiles batch) throws Exception {
        assertEquals(List.of("dan_so.csv", "sub1/ghi chú.txt", "sub1/tai_khoan.csv", "sub2/deeper/TAI_KHOAN.CSV",
                "sub2/tai_khoan.csv"), batch.files().stream().map(SourceFile::name).toList());
        assertEquals(List.of("dan_so.csv", "sub1/tai_khoan.csv", "sub2/deeper/TAI_KHOAN.CSV", "sub2/tai_khoan.csv"),
                batch.matched().stream().map(SourceFile::name).toList());
        Map<String, Long> rows = new LinkedHashMap<>();
        for (SourceFile f : batch.matched()) {
            if (f.entity().orElseThrow() == SourceEntity.ACCOUNTS) {
                FileReadReport report = SourceFileReader.read(f, r -> { });
                assertEquals(f.name(), report.fileName());
                rows.put(f.name(), report.rowsRead());
                assertEquals(sha256(nested().get(f.name())), f.sha256());
            }
        }
        assertEquals(Map.of("sub1/tai_khoan.csv", 100L, "sub2/tai_khoan.csv", 50L, "sub2/deeper/TAI_KHOAN.CSV", 7L),
                rows, "every file of the same name is read, each whole");
    }

    @Test
    void filesOfTheSameNameInSubFoldersAreDistinctFilesNamedByTheirPath() throws Exception {
        Path folder = writeFolder(dir.resolve("batch"), nested());
        try (BatchFiles batch = BatchFiles.open(folder)) {
            assertNested(batch);
        }
    }

    @Test
    void zipEntriesInSubFoldersAreNamedByTheirPathAndAZipOfTheFolderMatchesIt() throws Exception {
        String folderChecksum;
        try (BatchFiles batch = BatchFiles.open(writeFolder(dir.resolve("batch"), nested()))) {
            folderChecksum = batch.checksum();
        }
        try (BatchFiles flat = BatchFiles.open(writeZip(dir.resolve("flat.zip"), "", nested()));
             BatchFiles wrapped = BatchFiles.open(writeZip(dir.resolve("wrapped.zip"), "batch/", nested()))) {
            assertNested(flat);
            assertNested(wrapped);
            assertEquals(folderChecksum, flat.checksum());
            assertEquals(folderChecksum, wrapped.checksum(), "a zip of the batch folder: its top folder is the root");
        }
    }

    @Test
    void aFlatBatchKeepsBareNamesAndItsChecksum() throws Exception {
        try (BatchFiles batch = BatchFiles.open(folder())) {
            StringBuilder lines = new StringBuilder();
            for (String name : List.of("TAI_KHOAN.CSV", "dan_so-2024.csv", "don_vi.xlsx")) {
                lines.append(name).append(':').append(sha256(FILES.get(name))).append('\n');
            }
            assertEquals(sha256(lines.toString()), batch.checksum(), "the checksum of the bare names, as before");
        }
    }

    @Test
    void filesAllInOneSubFolderAreNamedFromThatFolder() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("dot-10/2024/tai_khoan.csv", accounts("A", 2));
        files.put("dot-10/2024/dan_so.csv", "Năm;Mã xã;Số người trong độ tuổi\n2024;00001;1200\n");
        try (BatchFiles batch = BatchFiles.open(writeFolder(dir.resolve("batch"), files))) {
            assertEquals(List.of("dan_so.csv", "tai_khoan.csv"), batch.files().stream().map(SourceFile::name).toList());
        }
    }

    @Test
    void anEntryTwiceInAZipRefusesTheBatch() throws IOException {
        Path zip = dir.resolve("twice.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("sub/tai_khoan.csv", "other/x.csv", "sub/./tai_khoan.csv")) {
                out.putNextEntry(new ZipEntry(name));
                out.write(ACCOUNTS_HEADER.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        SourceFileException e = assertThrows(SourceFileException.class, () -> BatchFiles.open(zip));
        assertEquals(zip + ": zip entry 'sub/./tai_khoan.csv' is in the zip twice (perhaps in other upper and lower"
                + " case); zip the batch again", e.getMessage());
    }

    @Test
    void aPathTooLongForTheLedgerRefusesTheBatch() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("batch"));
        String deep = ("thu-muc-rat-dai-" + "x".repeat(40) + "/").repeat(5);
        writeFolder(folder, Map.of(deep + "tai_khoan.csv", ACCOUNTS_HEADER, "don_vi.csv", "x"));
        SourceFileException e = assertThrows(SourceFileException.class, () -> BatchFiles.open(folder));
        assertTrue(e.getMessage().startsWith(folder + ": the file '" + deep), e.getMessage());
        assertTrue(e.getMessage().endsWith("has a path longer than 255 characters; shorten its folder names and"
                + " deliver the batch again"), e.getMessage());
    }

    @Test
    void commonFoldersAreCountedWholeSegmentsOnly() {
        assertEquals(0, BatchFiles.commonFolders(List.of()));
        assertEquals(0, BatchFiles.commonFolders(List.of("a.csv", "sub/b.csv")));
        assertEquals(1, BatchFiles.commonFolders(List.of("sub/a.csv")));
        assertEquals(1, BatchFiles.commonFolders(List.of("top/sub1/a.csv", "top/sub2/a.csv")));
        assertEquals(0, BatchFiles.commonFolders(List.of("sub1/a.csv", "sub10/a.csv")));
        assertEquals(1, BatchFiles.commonFolders(List.of("top/a.csv", "top/sub/a.csv")));
    }
}
