package vn.cdht.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new GenerateCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpExitsZero() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--province") && r.out().contains("--dirty-rate"), r.out());
    }

    @Test
    void writesTheFiveFilesAndASummary() {
        Run r = run("--province", "old:62", "--from-year", "2024", "--to-year", "2025", "--scale", "0.003",
                "--out", dir.toString(), "--dirty-rate", "0.05");
        assertEquals(0, r.code(), r.err());
        for (String f : new String[] {"tai_khoan", "don_vi", "phieu_danh_gia", "cong_nhan", "dan_so"}) {
            assertTrue(Files.isRegularFile(dir.resolve(f + ".csv")), f);
            assertTrue(r.out().contains(f), r.out());
        }
        assertTrue(r.out().contains("cccd_11_digits"), r.out());
    }

    @Test
    void anUnknownProvinceIsAOneLineError() {
        Run r = run("--province", "00", "--out", dir.toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("unknown province code '00'"), r.err());
    }

    @Test
    void outIsRequiredWithoutJdbc() {
        assertNotEquals(0, run("--province", "51").code());
    }
}
