package vn.cdht.generator;

import vn.cdht.warehouse.testing.TestPostgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.source.SourceEntity;

class PostgresLoadTest {

    @TempDir
    Path dir;

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void loadsTheGeneratedRowsIdempotently() throws Exception {
        String url = TestPostgres.freshDatabase();
        GeneratorSpec spec = new GeneratorSpec("old:62", 2024, 2025, 0.003, 5, OutputFormat.CSV, dir, 0,
                Optional.of(new GeneratorSpec.JdbcTarget(url, TestPostgres.user(), TestPostgres.password())));
        OperationalDataGenerator generator = new OperationalDataGenerator(null);
        GenerationResult r = generator.generate(spec);
        generator.generate(spec); // a second load changes nothing
        try (Connection c = DriverManager.getConnection(url, TestPostgres.user(), TestPostgres.password())) {
            for (SourceEntity e : SourceEntity.values()) {
                if (e != SourceEntity.POPULATION) {
                    assertEquals(r.rows(e), count(c, "SELECT count(*) FROM " + e.table()), e.table());
                }
            }
            assertEquals(r.scoreRows(), count(c, "SELECT count(*) FROM assessment_scores"));
            assertEquals(10 * r.rows(SourceEntity.SELF_ASSESSMENTS), r.scoreRows());
            assertEquals(0, count(c, "SELECT count(*) FROM accounts WHERE status NOT IN ('active','locked','deleted')"));
            assertTrue(count(c, "SELECT count(*) FROM accounts WHERE status = 'locked'") > 0);
            assertEquals(0, count(c, "SELECT count(*) FROM self_assessments s WHERE total_score <> "
                    + "(SELECT sum(score) FROM assessment_scores x WHERE x.assessment_id = s.assessment_id)"));
            assertEquals(0, count(c, "SELECT count(*) FROM accounts WHERE updated_at >= '2025-07-01T00:00:00+07:00' "
                    + "AND district_code IS NOT NULL"));
        }
        assertTrue(Files.exists(dir.resolve("dan_so.csv")));
        assertTrue(Files.notExists(dir.resolve("tai_khoan.csv")));
        assertEquals(r.rows(SourceEntity.POPULATION), ExportFiles.rows(dir, SourceEntity.POPULATION).size());
    }
}
