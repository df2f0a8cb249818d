package vn.cdht.pipelines.generate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for tests (same logic as the warehouse module's helper): {@code CDHT_TEST_PG_URL},
 * {@code CDHT_TEST_PG_USER} / {@code CDHT_TEST_PG_PASSWORD} (default cdht / cdht, CREATEDB). Without a server the test
 * is skipped, unless {@code CDHT_TEST_REQUIRE_SERVERS=true}, in which case it fails.
 */
final class TestPostgres {

    private TestPostgres() {
    }

    static String adminUrl() {
        return env("CDHT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    static String user() {
        return env("CDHT_TEST_PG_USER", "cdht");
    }

    static String password() {
        return env("CDHT_TEST_PG_PASSWORD", "cdht");
    }

    /** Creates a new empty database for one test and returns its JDBC URL; skips or fails without a server. */
    static String freshDatabase() {
        String name = "cdht_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(adminUrl(), user(), password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String why = "PostgreSQL test server not reachable at " + adminUrl() + " as " + user() + ": " + e.getMessage();
            if (Boolean.parseBoolean(System.getenv("CDHT_TEST_REQUIRE_SERVERS"))) {
                Assertions.fail(why);
            }
            Assumptions.abort("skipped: " + why);
        }
        int slash = adminUrl().lastIndexOf('/');
        String base = adminUrl().substring(0, slash + 1);
        String query = adminUrl().contains("?") ? adminUrl().substring(adminUrl().indexOf('?')) : "";
        return base + name + query;
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
