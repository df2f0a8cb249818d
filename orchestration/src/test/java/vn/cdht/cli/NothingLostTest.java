package vn.cdht.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.control.ControlDatabaseSettings;
import vn.cdht.warehouse.control.RunLock;

/**
 * What the adversarial run of issue 14 found, each as it was tried: a second writer, a kill -9 during ingestion, a
 * batch with a rejected file, control characters on the command line.
 */
class NothingLostTest {

    @TempDir
    Path home;

    private Map<String, String> env() {
        return CliRun.testEnv(home);
    }

    @Test
    void everyWriterIsRefusedWithOneLineNamingTheHolderWhileAnotherWrites() throws Exception {
        ControlDatabase db = new ControlDatabase(ControlDatabaseSettings.from(CdhtConfig.of(home, Map.of())));
        db.migrate();
        RunLock other = new RunLock(db, "pipeline", Duration.ofMinutes(10));
        assertTrue(other.acquire(null, "cdht ingest").acquired());
        Path batch = Files.createDirectories(home.resolve("some-batch"));
        try {
            for (String[] writer : List.of(new String[] {"ingest", batch.toString()}, new String[] {"indicators"},
                    new String[] {"publish"}, new String[] {"reference", "load"}, new String[] {"demo"},
                    new String[] {"run", "--only", "publish"})) {
                CliRun refused = CliRun.of(env(), writer);
                String what = String.join(" ", writer);
                assertEquals(1, refused.exitCode(), what + ": " + refused.out() + refused.err());
                assertEquals(1, refused.err().strip().lines().count(), what + ": one line: " + refused.err());
                assertTrue(refused.err().contains("another cdht command is writing this home: cdht ingest (" + other.self()
                        + ") since "), what + ": " + refused.err());
                assertTrue(refused.err().matches("(?s).*since \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2} \\(Vietnam time\\).*"),
                        what + ": " + refused.err());
            }
        } finally {
            other.release();
        }
        CliRun runs = CliRun.of(env(), "runs");
        assertFalse(runs.out().contains("Lock held by"), runs.out());
    }

    @Test
    void anIngestionKilledWithSigkillLeavesNoRunningBatchAndNoRowsInClearAndIsCompletedByARerun() throws Exception {
        Path batch = home.resolve("export-1");
        CliRun generate = CliRun.of(env(), "generate", "--province", "51", "--scale", "0.002", "--seed", "7", "--out", batch.toString());
        assertEquals(0, generate.exitCode(), generate.err());

        List<String> seen = ChildCdht.killDuring(env(), "loading accounts", "ingest", batch.toString());
        Path staging = home.resolve("staging");
        assertTrue(filesUnder(staging).stream().anyMatch(f -> f.toString().endsWith(".parquet")),
                "the killed process left its staging (rows in clear): " + String.join("\n", seen));

        CliRun batches = CliRun.of(env(), "batches", "--no-files");
        assertEquals(0, batches.exitCode(), batches.err());
        assertTrue(batches.out().contains(" failed "), batches.out());
        assertFalse(batches.out().contains(" running "), batches.out());
        assertTrue(batches.err().contains("was left unfinished by a process that stopped: marked failed"), batches.err());
        assertEquals(List.of(), filesUnder(staging), "the dead batch's staging is removed by the next command");

        CliRun rerun = CliRun.of(env(), "ingest", batch.toString());
        assertEquals(0, rerun.exitCode(), rerun.err());
        assertTrue(rerun.out().contains("reconciles"), rerun.out());
        assertEquals(List.of(), filesUnder(staging));
        CliRun after = CliRun.of(env(), "batches");
        assertTrue(after.out().contains(" succeeded "), after.out());
        assertFalse(after.out().contains(" NO"), "every file reconciles: " + after.out());
    }

    @Test
    void aBatchWithARejectedFileExitsWithCode3AndSoDoesARunOfTheInboxHoldingIt() throws Exception {
        Path batch = Files.createDirectories(home.resolve("inbox").resolve("export-2"));
        Files.writeString(batch.resolve("don_vi.csv"), "Mã đơn vị,Tên đơn vị,Số thành viên,Ngày cập nhật\n"
                + "DV0001,Trường THCS Nghĩa Hành,40,01/12/2025\n", StandardCharsets.UTF_8);
        Files.writeString(batch.resolve("tai_khoan.csv"), "Mã tài khoản,Họ và tên,Ngày cập nhật\n"
                + "TK1,Nguyễn Thị Ngọc Ánh,01/12/2025\n", StandardCharsets.UTF_8);

        CliRun ingest = CliRun.of(env(), "ingest", batch.toString());
        assertEquals(ExitCodes.REJECTED, ingest.exitCode(), ingest.out() + ingest.err());
        assertTrue(ingest.out().contains("rejected"), ingest.out());
        assertTrue(ingest.err().contains("1 file(s) rejected, their rows are not ingested (first: tai_khoan.csv"), ingest.err());
        assertTrue(ingest.out().matches("(?s).*don_vi\\.csv\\s+units\\s+ingested\\s+1\\s+1.*"), "the good file is ingested: " + ingest.out());

        CliRun run = CliRun.of(env(), "run", "--only", "ingest");
        assertEquals(ExitCodes.REJECTED, run.exitCode(), "a retried or nightly run still says so: " + run.out() + run.err());
        assertTrue(run.out().contains("1 file(s) rejected"), run.out());
    }

    @Test
    void textWithControlCharactersIsRefusedBeforeAnythingIsWritten() {
        for (String name : List.of("Nguyễn Văn An\nBcc: ai@ngoai.vn", "Nguyễn\u001b[2J Văn An", "An\r")) {
            CliRun add = CliRun.of(env(), "subscribers", "add", "--email", "lanhdao@quangngai.gov.vn", "--name", name,
                    "--role", "leader", "--scope", "51", "--kinds", "province");
            assertEquals(ExitCodes.USAGE, add.exitCode(), add.out() + add.err());
            assertTrue(add.err().contains("--name holds a control character (U+00"), add.err());
        }
        CliRun list = CliRun.of(env(), "subscribers", "list");
        assertFalse(list.out().contains("lanhdao@quangngai.gov.vn"), list.out());
        CliRun sql = CliRun.of(env(), "sql", "SELECT 1\nAS one", "--db", home.resolve("none.duckdb").toString());
        assertFalse(sql.err().contains("control character"), "the SQL of cdht sql may span lines: " + sql.err());
    }

    private static List<Path> filesUnder(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
