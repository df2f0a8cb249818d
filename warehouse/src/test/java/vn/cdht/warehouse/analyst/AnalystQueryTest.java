package vn.cdht.warehouse.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cdht.warehouse.analyst.IcebergFixture.row;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalystQueryTest {

    @TempDir
    static Path home;

    static Path db;

    @BeforeAll
    static void publish() throws Exception {
        try (IcebergFixture f = new IcebergFixture(home)) {
            f.append(f.create("core", "units", "unit_code string, unit_name string, member_count long, rate double,"
                            + " score decimal(8,2), flags list<string>"),
                    row("unit_code", "A", "unit_name", "Trường \"Lê Khiết\", Quảng Ngãi", "member_count", 40L, "rate", 0.456,
                            "score", "87.5", "flags", List.of("X", "Y")),
                    row("unit_code", "B", "member_count", 12000000000L, "rate", 1.0E10));
            db = home.resolve("analyst.duckdb");
            new AnalystDatabasePublisher("test").publish(f.catalog, db);
        }
    }

    @Test
    void answersWithPlainlyFormattedValues() {
        QueryResult r = AnalystQuery.run(db, "SELECT unit_code, unit_name, member_count, rate, score, flags, NULL AS nothing"
                + " FROM core.units ORDER BY unit_code");
        assertEquals(List.of("unit_code", "unit_name", "member_count", "rate", "score", "flags", "nothing"), r.columns());
        assertEquals(Arrays.asList("A", "Trường \"Lê Khiết\", Quảng Ngãi", "40", "0.456", "87.50", "[X, Y]", null), r.rows().get(0));
        assertEquals(List.of("B", "12000000000", "10000000000"), List.of(r.rows().get(1).get(0), r.rows().get(1).get(2),
                r.rows().get(1).get(3)));
    }

    @Test
    void refusesWritesWithDuckDbsErrorOnOneLine() {
        AnalystException e = assertThrows(AnalystException.class, () -> AnalystQuery.run(db, "DROP TABLE core.units"));
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals("2", AnalystQuery.run(db, "SELECT count(*) FROM core.units").rows().get(0).get(0));
    }

    @Test
    void isSealedAgainstFilesOtherDatabasesAndExtensions() throws IOException {
        Path secret = Files.createDirectories(home.resolve("secrets")).resolve("pseudonym.key");
        Files.writeString(secret, "c2VjcmV0IGtleSBvZiB0aGUgdGVzdA==\n");
        String h = home.toString();
        List<String> escapes = List.of(
                "COPY (SELECT 1) TO '" + h + "/x.csv'",
                "copy core.units TO '" + h + "/units.parquet' (FORMAT parquet)",
                "SELECT 1; COPY (SELECT 2) TO '" + h + "/y.csv'",
                "/* a comment */ COPY (SELECT 3) TO '" + h + "/z.csv'",
                "SELECT * FROM read_text('" + secret + "')",
                "WITH s AS (SELECT content FROM read_text('" + secret + "')) SELECT * FROM s",
                "SELECT * FROM read_csv('" + secret + "')",
                "SELECT * FROM read_blob('" + secret + "')",
                "SELECT * FROM read_parquet('" + h + "/warehouse/**/*.parquet')",
                "SELECT * FROM '" + h + "/warehouse/core/units/data/*.parquet'",
                "SELECT * FROM glob('" + h + "/**')",
                "INSTALL httpfs",
                "FORCE INSTALL httpfs",
                "LOAD httpfs",
                "SELECT * FROM read_csv('https://example.invalid/x.csv')",
                "ATTACH '" + h + "/other.duckdb' AS other",
                "ATTACH ':memory:' AS scratch",
                "EXPORT DATABASE '" + h + "/export'",
                "CALL enable_logging(storage = 'file', storage_path = '" + h + "/logs')");
        List<String> unlock = List.of(
                "SET enable_external_access = true",
                "SET GLOBAL enable_external_access = true",
                "RESET enable_external_access",
                "PRAGMA enable_external_access = true",
                "SET allowed_directories = ['" + h + "']",
                "SET autoload_known_extensions = true",
                "SET lock_configuration = false");
        List<Path> before = files();
        try (AnalystQuery q = AnalystQuery.open(db)) {
            for (String sql : escapes) {
                AnalystException e = assertThrows(AnalystException.class, () -> q.query(sql), sql);
                assertEquals(AnalystQuery.SEALED, e.getMessage(), sql);
            }
            for (String sql : unlock) {
                AnalystException e = assertThrows(AnalystException.class, () -> q.query(sql), sql);
                assertTrue(e.getMessage().contains("the configuration has been locked"), sql + ": " + e.getMessage());
            }
            QueryResult settings = q.query("SELECT current_setting('enable_external_access'),"
                    + " current_setting('allow_unsigned_extensions'), current_setting('autoinstall_known_extensions'),"
                    + " current_setting('autoload_known_extensions'), current_setting('lock_configuration')");
            assertEquals(List.of("false", "false", "false", "false", "true"), settings.rows().get(0));
            assertEquals("2", q.query("SELECT count(*) FROM core.units").rows().get(0).get(0));
        }
        assertEquals(before, files());
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(home)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aMissingDatabaseSaysHowToMakeOne() {
        AnalystException e = assertThrows(AnalystException.class,
                () -> AnalystQuery.run(home.resolve("none.duckdb"), "SELECT 1"));
        assertTrue(e.getMessage().startsWith("no analyst database at "), e.getMessage());
        assertTrue(e.getMessage().contains("run 'cdht publish' (or 'cdht demo')"), e.getMessage());
    }

    @Test
    void writesCsvAndJson() {
        QueryResult r = AnalystQuery.run(db, "SELECT unit_code, unit_name, member_count, rate, member_count > 100 AS big"
                + " FROM core.units ORDER BY unit_code");
        StringWriter csv = new StringWriter();
        r.writeCsv(csv);
        assertEquals("unit_code,unit_name,member_count,rate,big\n"
                + "A,\"Trường \"\"Lê Khiết\"\", Quảng Ngãi\",40,0.456,false\n"
                + "B,,12000000000,10000000000,true\n", csv.toString());
        StringWriter json = new StringWriter();
        r.writeJson(json);
        assertEquals("[\n"
                + "  {\"unit_code\": \"A\", \"unit_name\": \"Trường \\\"Lê Khiết\\\", Quảng Ngãi\", \"member_count\": 40,"
                + " \"rate\": 0.456, \"big\": false},\n"
                + "  {\"unit_code\": \"B\", \"unit_name\": null, \"member_count\": 12000000000, \"rate\": 10000000000,"
                + " \"big\": true}\n"
                + "]\n", json.toString());
    }

    @Test
    void listsTablesAndViews() {
        try (AnalystQuery q = AnalystQuery.open(db)) {
            List<String> tables = q.tables();
            assertTrue(tables.containsAll(List.of("metadata", "published_tables", "core.units")), tables.toString());
        }
    }
}
