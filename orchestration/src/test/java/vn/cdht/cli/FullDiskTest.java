package vn.cdht.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.orchestration.app.HomeLock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Ingesting on a nearly full disk: one line saying so, the batch failed (not running), no staging left, the read-only
 * commands still working, and the rerun complete once space is freed. It needs a small file system of its own
 * (CDHT_TEST_SMALL_FS, a folder on e.g. a 64 MB tmpfs; .ci/run mounts one): filling the machine's disk is no test.
 */
class FullDiskTest {

    @TempDir
    Path elsewhere;

    private Path home;

    private Map<String, String> env() {
        return CliRun.testEnv(home);
    }

    @AfterEach
    void removeHome() throws IOException {
        if (home != null) {
            HomeLock.deleteTree(home);
        }
    }

    @Test
    void aFullDiskIsOneLineTheBatchFailsAndNothingIsLeftOrLost() throws Exception {
        String small = System.getenv("CDHT_TEST_SMALL_FS");
        boolean given = small != null && !small.isBlank();
        if (!given && Boolean.parseBoolean(System.getenv("CDHT_TEST_REQUIRE_SERVERS"))) {
            throw new IllegalStateException("CDHT_TEST_SMALL_FS is not set: .ci/run mounts a small tmpfs for this test");
        }
        if (!given) {
            System.err.println("FullDiskTest skipped: set CDHT_TEST_SMALL_FS to a folder on a small file system"
                    + " (mount -t tmpfs -o size=128m tmpfs /mnt/cdht-small)");
        }
        assumeTrue(given, "CDHT_TEST_SMALL_FS not set");
        home = Files.createDirectories(Path.of(small).resolve("home-" + UUID.randomUUID().toString().substring(0, 8)));

        // a first small batch, with room: the reference data and the tables exist
        Path first = Files.createDirectories(elsewhere.resolve("first"));
        accounts(first.resolve("tai_khoan.csv"), 0, 20);
        CliRun setUp = CliRun.of(env(), "ingest", first.toString());
        assertEquals(0, setUp.exitCode(), setUp.out() + setUp.err());

        Path big = Files.createDirectories(elsewhere.resolve("big"));
        accounts(big.resolve("tai_khoan.csv"), 1000, 200_000);
        Path filler = fill(home, 2L << 20);
        try {
            CliRun full = CliRun.of(env(), "ingest", big.toString());
            assertEquals(ExitCodes.FAILED, full.exitCode(), full.out() + full.err());
            assertTrue(full.err().contains("no space left on ") && full.err().contains("free space and run again"), full.err());
            List<String> errorLines = full.err().lines().filter(l -> !l.startsWith("… ")).toList();
            assertEquals(1, errorLines.size(), "one line, no stack trace: " + full.err());
            assertFalse(full.err().contains("\tat "), full.err());

            CliRun batches = CliRun.of(env(), "batches", "--no-files");
            assertEquals(0, batches.exitCode(), "read-only commands work on a full disk: " + batches.err());
            assertTrue(batches.out().contains(" failed "), batches.out());
            assertFalse(batches.out().contains(" running "), batches.out());
            assertEquals(List.of(), filesUnder(home.resolve("staging")), "no staging left");
            CliRun status = CliRun.of(env(), "status");
            assertEquals(0, status.exitCode(), status.err());
        } finally {
            Files.delete(filler);
        }
        CliRun rerun = CliRun.of(env(), "ingest", big.toString());
        assertEquals(0, rerun.exitCode(), rerun.out() + rerun.err());
        assertTrue(rerun.out().matches("(?s).*TOTAL\\s+reconciles\\s+200000\\s.*"), rerun.out());
    }

    /** Valid accounts of Quảng Ngãi (commune 21211 of the 2025 geography), {@code count} of them from {@code from}. */
    private static void accounts(Path file, int from, int count) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Mã tài khoản,Số CCCD,Họ và tên,Ngày sinh,Giới tính,Mã tỉnh,Mã xã,Nhóm đối tượng,Ngày cập nhật\n");
            for (int i = from; i < from + count; i++) {
                w.write(String.format("TK%07d,0510900%05d,Nguyễn Văn An,1990-03-03,Nam,51,21211,III,01/10/2025%n", i, i % 100_000));
            }
        }
    }

    /** Writes real bytes (a sparse file would take no space) until only {@code free} bytes are left. */
    private static Path fill(Path dir, long free) throws IOException {
        Path filler = dir.resolve("filler.bin");
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (Files.getFileStore(dir).getUsableSpace() > free + chunk.length) {
                out.write(chunk);
                out.flush();
            }
        }
        return filler;
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
