package vn.cdht.warehouse.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cdht.warehouse.analyst.IcebergFixture.row;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
