package vn.cdht.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.pipelines.SharedSpark;
import vn.cdht.pipelines.SharedWarehouse;
import vn.cdht.pipelines.source.files.SourceFileException;
import vn.cdht.warehouse.ingest.FileRecord;

/**
 * One file, one source: files of the same name in sub-folders of a batch (folder or zip) are each ingested whole,
 * named by their path in the ledger, {@code raw.*} and the quarantine; a zip is extracted in the staging folder and
 * leaves nothing there. Tests run in order on one warehouse.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NestedBatchIngestionTest {

    private static final String HEADER = "Mã tài khoản,Số CCCD,Họ và tên,Ngày sinh,Giới tính,Mã tỉnh,Mã huyện,Mã xã,"
            + "Nhóm đối tượng,Ngày cập nhật\n";

    @TempDir
    static Path dir;
    static Map<String, String> files;
    static Path folder;
    static IngestReport first;
    private final SparkSession spark = SharedWarehouse.spark();

    /** Valid accounts {@code prefix<from>..}, each its own CCCD; the last one without it when {@code oneBad}. */
    static String accounts(String prefix, int from, int rows, boolean oneBad) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = from; i < from + rows; i++) {
            String cccd = oneBad && i == from + rows - 1 ? "" : "062090" + String.format("%06d", i);
            sb.append(prefix).append(i).append(',').append(cccd).append(",Nguyễn Văn ").append(i)
                    .append(",01/05/1990,Nam,62,608,23281,III,01/10/2025\n");
        }
        return sb.toString();
    }

    static Path writeZip(Path zip, String top, Map<String, String> content) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, String> f : content.entrySet()) {
                out.putNextEntry(new ZipEntry(top + f.getKey()));
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    static BatchIngestion ingestion() {
        return new BatchIngestion(SharedWarehouse.spark(), SharedWarehouse.ledger(), SharedWarehouse.staging(), m -> { });
    }

    static List<String> leftInStaging() throws IOException {
        Path staging = Path.of(SharedSpark.config().require("ingest.staging-dir"));
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(staging)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("unzip-")).toList();
        }
    }

    @BeforeAll
    static void nestedFolder() throws IOException {
        SharedWarehouse.clearIngestedData();
        files = new LinkedHashMap<>();
        files.put("sub1/tai_khoan.csv", accounts("S", 1, 100, false));
        files.put("sub2/tai_khoan.csv", accounts("S", 101, 50, true));
        // the same name made safe ("dot_1_tai_khoan.csv") for both: their staged files must still be two
        files.put("dot 1/tai_khoan.csv", accounts("D", 201, 3, false));
        files.put("dot_1/tai_khoan.csv", accounts("D", 204, 4, false));
        folder = Files.createDirectories(dir.resolve("batch-nested"));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = folder.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        first = ingestion().run(folder);
    }

    private static FileRecord file(IngestReport report, String name) {
        return report.files().stream().filter(f -> f.fileName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + report.files()));
    }

    private Map<String, Long> rawFileNames(String batchId) {
        Map<String, Long> out = new TreeMap<>();
        spark.sql("SELECT file_name, count(*) FROM raw.accounts WHERE batch_id = '" + batchId + "' GROUP BY file_name")
                .collectAsList().forEach(r -> out.put(r.getString(0), r.getLong(1)));
        return out;
    }

    @Test
    @Order(1)
    void everyFileOfTheSameNameIsIngestedWholeAndReconcilesOnItsOwn() {
        assertEquals(IngestReport.Outcome.INGESTED, first.outcome());
        assertTrue(first.reconciles(), first.toString());
        assertEquals(List.of("dot 1/tai_khoan.csv", "dot_1/tai_khoan.csv", "sub1/tai_khoan.csv", "sub2/tai_khoan.csv"),
                first.files().stream().map(FileRecord::fileName).toList());
        assertEquals(100, file(first, "sub1/tai_khoan.csv").rowsRead());
        assertEquals(100, file(first, "sub1/tai_khoan.csv").rowsAccepted());
        FileRecord sub2 = file(first, "sub2/tai_khoan.csv");
        assertEquals(List.of(50L, 49L, 1L), List.of(sub2.rowsRead(), sub2.rowsAccepted(), sub2.rowsQuarantined()));
        assertEquals(3, file(first, "dot 1/tai_khoan.csv").rowsAccepted());
        assertEquals(4, file(first, "dot_1/tai_khoan.csv").rowsAccepted());
        assertEquals(157, first.rowsRead());
        assertEquals(156, spark.sql("SELECT * FROM core.accounts WHERE batch_id = '" + first.batchId() + "'").count());

        assertEquals(Map.of("dot 1/tai_khoan.csv", 3L, "dot_1/tai_khoan.csv", 4L, "sub1/tai_khoan.csv", 100L,
                "sub2/tai_khoan.csv", 50L), rawFileNames(first.batchId()));
        org.apache.spark.sql.Row bad = spark.sql("SELECT file_name, row_number, reasons FROM quarantine.rows"
                + " WHERE batch_id = '" + first.batchId() + "'").first();
        assertEquals("sub2/tai_khoan.csv", bad.getString(0));
        assertEquals(51L, bad.getLong(1), "the header is line 1");
        assertEquals(List.of("MISSING_REQUIRED:citizen_id"), bad.getList(2));
    }

    @Test
    @Order(2)
    void aZipOfTheFolderIsTheSameBatch() throws IOException {
        Path zip = writeZip(dir.resolve("batch-nested.zip"), "batch-nested/", files);
        IngestReport again = ingestion().run(zip);
        assertEquals(IngestReport.Outcome.ALREADY_INGESTED, again.outcome());
        assertEquals(first.batchId(), again.batchId());
        assertEquals(List.of(), leftInStaging());
    }

    @Test
    @Order(3)
    void zipEntriesInSubFoldersAreEachIngestedWholeAndTheUnzipFolderIsRemoved() throws IOException {
        Map<String, String> content = new LinkedHashMap<>();
        content.put("huyen-a/xa-1/tai_khoan.csv", accounts("Z", 301, 20, false));
        content.put("huyen-a/xa-2/tai_khoan.csv", accounts("Z", 321, 30, false));
        content.put("tai_khoan.csv", accounts("Z", 351, 5, false));
        IngestReport report = ingestion().run(writeZip(dir.resolve("batch-zip.zip"), "", content));
        assertEquals(IngestReport.Outcome.INGESTED, report.outcome());
        assertTrue(report.reconciles(), report.toString());
        assertEquals(Map.of("huyen-a/xa-1/tai_khoan.csv", 20L, "huyen-a/xa-2/tai_khoan.csv", 30L, "tai_khoan.csv", 5L),
                rawFileNames(report.batchId()));
        assertEquals(List.of(20L, 30L, 5L), Stream.of("huyen-a/xa-1/tai_khoan.csv", "huyen-a/xa-2/tai_khoan.csv",
                "tai_khoan.csv").map(n -> file(report, n).rowsAccepted()).toList());
        assertEquals(List.of(), leftInStaging(), "the zip was extracted in the staging folder and removed");
    }

    @Test
    @Order(4)
    void aZipBombIsRefusedInOneLineAndLeavesNothingInTheStagingFolder() throws IOException {
        Path zip = dir.resolve("bomb.zip");
        byte[] zeros = new byte[1 << 20];
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("tai_khoan.csv"));
            for (int i = 0; i < 200; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        SourceFileException e = assertThrows(SourceFileException.class, () -> ingestion().run(zip));
        assertEquals(zip + ": entry 'tai_khoan.csv' expands more than 100 times its compressed size"
                + " (ingest.limits.max-compression-ratio); refused, raise the limit if the file is genuine", e.getMessage());
        assertEquals(List.of(), leftInStaging());
    }
}
