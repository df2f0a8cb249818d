package vn.cdht.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.cdht.warehouse.analyst.AnalystQuery;

class SqlCommandTest {

    @TempDir
    static Path home;

    @BeforeAll
    static void publish() throws Exception {
        PublishCommandTest.emptyTables(home);
        CliRun run = CliRun.of(Map.of(), "publish", "--home", home.toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void helpStartsWithASummaryAndEndsWithExamples() {
        CliRun run = CliRun.of(Map.of(), "sql", "--help");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Query the analyst database with SQL"), run.out());
        assertTrue(run.out().contains("Examples:"), run.out());
    }

    @Test
    void printsAnAlignedTable() {
        CliRun run = CliRun.of(Map.of(), "sql", "--home", home.toString(),
                "SELECT 1 AS n, 'Quảng Ngãi' AS province UNION ALL SELECT 1234, 'Huế' ORDER BY n");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("   n  province\n   1  Quảng Ngãi\n1234  Huế\n(2 rows)\n", run.out());
    }

    @Test
    void writesCsvAndJson() throws Exception {
        Path csv = home.resolve("tables.csv");
        CliRun run = CliRun.of(Map.of(), "sql", "--home", home.toString(), "--csv", csv.toString(),
                "SELECT schema_name, table_name, row_count FROM published_tables ORDER BY 1");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("schema_name,table_name,row_count\nmart,coverage,0\nref,provinces_2025,0\n", Files.readString(csv));

        CliRun json = CliRun.of(Map.of(), "sql", "--home", home.toString(), "--json", "SELECT 42 AS answer, 'x' AS s");
        assertEquals(0, json.exitCode(), json.err());
        assertEquals("[\n  {\"answer\": 42, \"s\": \"x\"}\n]\n", json.out());
    }

    @Test
    void aMissingDatabaseIsOneLineAndExitCodeOne() {
        CliRun run = CliRun.of(Map.of(), "sql", "--home", home.toString(), "--db", home.resolve("none.duckdb").toString(),
                "SELECT 1");
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("run 'cdht publish' (or 'cdht demo')"), run.err());
    }

    @Test
    void writesFailOnOneLine() {
        CliRun run = CliRun.of(Map.of(), "sql", "--home", home.toString(), "DROP TABLE mart.coverage");
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("read-only"), run.err());
    }

    @Test
    void cannotReadOrWriteFilesOutsideTheDatabase() throws Exception {
        Path secret = Files.createDirectories(home.resolve("secrets")).resolve("pseudonym.key");
        Files.writeString(secret, "dGhlIHRlc3Qgc2VjcmV0\n");
        for (String sql : List.of("COPY (SELECT 1) TO '" + home.resolve("x.csv") + "'",
                "SELECT * FROM read_text('" + secret + "')", "INSTALL httpfs")) {
            CliRun run = CliRun.of(Map.of(), "sql", "--home", home.toString(), sql);
            assertEquals(1, run.exitCode(), sql);
            assertEquals("cdht sql: error: " + AnalystQuery.SEALED + "\n", run.err(), sql);
            assertFalse(run.out().contains("dGhlIHRlc3Qgc2VjcmV0"), run.out());
        }
        assertFalse(Files.exists(home.resolve("x.csv")));
    }

    @Test
    void theAnalystDatabaseStaysReadableByOthers() throws Exception {
        Path db = home.resolve("analyst.duckdb");
        assertTrue(Files.getPosixFilePermissions(db).contains(PosixFilePermission.OTHERS_READ),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
    }

    @Test
    void thePromptReadsStatementsFromANonTerminal() {
        String input = ".tables\nSELECT\n  42 AS answer;\nSELECT nope;\nSELECT 'still here' AS s;\n.quit\nSELECT 'not run';\n";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cdht root = new Cdht();
        CommandLine cl = new CommandLine(root);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(new OneLineErrors(() -> false));
        SqlCommand sql = cl.getSubcommands().get("sql").getCommand();
        sql.in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));

        int code = cl.execute("sql", "--home", home.toString());

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("mart.coverage"), out.toString());
        assertTrue(out.toString().contains("answer\n    42\n(1 row)"), out.toString());
        assertTrue(out.toString().contains("still here"), out.toString());
        assertTrue(!out.toString().contains("not run"), out.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("error: "), err.toString());
    }
}
