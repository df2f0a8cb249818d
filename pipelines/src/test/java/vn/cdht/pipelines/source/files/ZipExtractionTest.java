package vn.cdht.pipelines.source.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.config.ConfigException;

/** A batch zip is extracted within its limits, refused while streaming when it breaks one, and leaves nothing. */
class ZipExtractionTest {

    private static final String ACCOUNTS = "Mã tài khoản,Số CCCD,Họ và tên,Ngày cập nhật\nA1,036123456789,An,2024-10-01\n";

    @TempDir
    Path dir;

    /** {@code megabytes} MB of zeros in one entry, streamed: the zip itself is about a thousandth of that. */
    private Path bomb(String name, int megabytes) throws IOException {
        Path zip = dir.resolve(name);
        byte[] zeros = new byte[1 << 20];
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("don_vi.csv"));
            out.write(ACCOUNTS.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("dot-1/tai_khoan.csv"));
            for (int i = 0; i < megabytes; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        return zip;
    }

    private Path zipOf(int files, int bytesEach) throws IOException {
        Path zip = dir.resolve("batch-" + files + "x" + bytesEach + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < files; i++) {
                out.putNextEntry(new ZipEntry("sub/tai_khoan_" + i + ".csv"));
                byte[] line = ACCOUNTS.getBytes(StandardCharsets.UTF_8);
                out.write(ACCOUNTS.repeat(Math.max(1, bytesEach / line.length)).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    private static long files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> !p.equals(folder)).count();
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void aZipBombIsRefusedByItsRatioAfterAboutAMegabyteAndLeavesNothing() throws IOException {
        Path zip = bomb("batch.zip", 200);
        assertTrue(Files.size(zip) < 1_000_000, "200 MB of zeros compress to " + Files.size(zip) + " bytes");
        Path staging = Files.createDirectories(dir.resolve("staging"));
        long before = usedHeap();

        SourceFileException e = assertThrows(SourceFileException.class,
                () -> BatchFiles.open(zip, ExtractionLimits.DEFAULTS, staging));

        assertEquals(zip + ": entry 'dot-1/tai_khoan.csv' expands more than 100 times its compressed size"
                + " (ingest.limits.max-compression-ratio); refused, raise the limit if the file is genuine", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(0, files(staging), "the unzip folder is deleted");
        long growth = usedHeap() - before;
        assertTrue(growth < 64L << 20, "heap grew by " + (growth >> 20) + " MB");

        // refused by the ratio before 2 MB were written: a cap of 2 MB in all is not what stops it
        SourceFileException capped = assertThrows(SourceFileException.class,
                () -> BatchFiles.open(zip, new ExtractionLimits(2L << 20, 10, 100, 1000), staging));
        assertTrue(capped.getMessage().contains("(ingest.limits.max-compression-ratio)"), capped.getMessage());
        assertEquals(0, files(staging));
    }

    @Test
    void withoutTheRatioTheTotalSizeStillStopsABomb() throws IOException {
        // without a ratio check, only the total size stops the bomb: 8 MB in, refused at once past 4 MB
        ExtractionLimits noRatio = new ExtractionLimits(4L << 20, 10, Integer.MAX_VALUE, 1000);
        Path staging = Files.createDirectories(dir.resolve("staging"));
        SourceFileException e = assertThrows(SourceFileException.class,
                () -> BatchFiles.open(bomb("bomb8.zip", 8), noRatio, staging));
        assertTrue(e.getMessage().endsWith(": entry 'dot-1/tai_khoan.csv' takes the zip past 4194304 bytes uncompressed"
                + " (ingest.limits.max-zip-bytes); refused, split the batch or raise the limit"), e.getMessage());
        assertEquals(0, files(staging));
    }

    @Test
    void smallVeryRepetitiveFilesPassTheRatio() throws IOException {
        // 900 KB of one repeated line compresses far more than 100 times, but stays under the ratio-free megabyte
        Path zip = zipOf(3, 900_000);
        Path staging = Files.createDirectories(dir.resolve("staging"));
        try (BatchFiles batch = BatchFiles.open(zip, ExtractionLimits.DEFAULTS, staging)) {
            assertEquals(3, batch.matched().size());
            assertEquals(List.of("tai_khoan_0.csv", "tai_khoan_1.csv", "tai_khoan_2.csv"),
                    batch.files().stream().map(SourceFile::name).toList());
            Path unzip = batch.matched().get(0).path().getParent().getParent();
            assertEquals(staging, unzip.getParent());
            assertTrue(unzip.getFileName().toString().startsWith("unzip-"), unzip.toString());
        }
        assertEquals(0, files(staging), "deleted on close");
    }

    @Test
    void tooManyEntriesAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path zip = zipOf(5, 10);
        Path staging = Files.createDirectories(dir.resolve("staging"));
        SourceFileException e = assertThrows(SourceFileException.class,
                () -> BatchFiles.open(zip, new ExtractionLimits(1L << 30, 4, 100, 1000), staging));
        assertEquals(zip + ": the zip holds 5 entries, more than 4 (ingest.limits.max-zip-entries); refused, split the"
                + " batch or raise the limit", e.getMessage());
        assertEquals(0, files(staging));
        try (BatchFiles batch = BatchFiles.open(zip, new ExtractionLimits(1L << 30, 5, 100, 1000), staging)) {
            assertEquals(5, batch.files().size());
        }
    }

    @Test
    void theTotalSizeCountsEveryEntry() throws IOException {
        Path zip = zipOf(4, 3000); // 4 entries of nearly 3000 bytes: the third takes the total past 8000
        Path staging = Files.createDirectories(dir.resolve("staging"));
        SourceFileException e = assertThrows(SourceFileException.class,
                () -> BatchFiles.open(zip, new ExtractionLimits(8000, 100, 100, 1000), staging));
        assertEquals(zip + ": entry 'sub/tai_khoan_2.csv' takes the zip past 8000 bytes uncompressed"
                + " (ingest.limits.max-zip-bytes); refused, split the batch or raise the limit", e.getMessage());
        assertEquals(0, files(staging));
    }

    @Test
    void withoutAWorkFolderTheSystemTemporaryFolderIsUsedAndCleaned() throws IOException {
        Path extracted;
        try (BatchFiles batch = BatchFiles.open(zipOf(1, 10), ExtractionLimits.DEFAULTS, null)) {
            extracted = batch.matched().get(0).path();
            assertTrue(extracted.startsWith(Path.of(System.getProperty("java.io.tmpdir"))), extracted.toString());
        }
        assertFalse(Files.exists(extracted.getParent().getParent()));
    }

    @Test
    void limitsAreReadFromTheConfigurationWithDefaults() {
        assertEquals(ExtractionLimits.DEFAULTS, ExtractionLimits.from(CdhtConfig.of(dir, Map.of())));
        assertEquals(new ExtractionLimits(5_000_000_000L, 7, 20, 500), ExtractionLimits.from(CdhtConfig.of(dir, Map.of(
                "ingest.limits.max-zip-bytes", "5000000000", "ingest.limits.max-zip-entries", "7",
                "ingest.limits.max-compression-ratio", "20", "ingest.limits.max-record-chars", "500"))));
        ConfigException e = assertThrows(ConfigException.class, () -> ExtractionLimits.from(
                CdhtConfig.of(dir, Map.of("ingest.limits.max-compression-ratio", "0"))));
        assertEquals("configuration key ingest.limits.max-compression-ratio must be a positive whole number, not '0'",
                e.getMessage());
    }
}
