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
import vn.cdht.pipelines.source.SourceEntity;
import vn.cdht.pipelines.source.SourceRow;

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
}
