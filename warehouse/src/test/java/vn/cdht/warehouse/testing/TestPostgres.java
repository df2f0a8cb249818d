package vn.cdht.warehouse.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for tests: {@code CDHT_TEST_PG_URL} (default jdbc:postgresql://127.0.0.1:5432/postgres),
 * {@code CDHT_TEST_PG_USER} / {@code CDHT_TEST_PG_PASSWORD} (default cdht / cdht; the role needs CREATEDB).
 * Without a server the test is skipped with a message, unless {@code CDHT_TEST_REQUIRE_SERVERS=true} (as .ci/run
 * sets it), in which case it fails.
 */
public final class TestPostgres {

    private TestPostgres() {
    }

    public static String adminUrl() {
        return env("CDHT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    public static String user() {
        return env("CDHT_TEST_PG_USER", "cdht");
    }

    public static String password() {
        return env("CDHT_TEST_PG_PASSWORD", "cdht");
    }

    /** Creates a new empty database for one test and returns its JDBC URL; skips or fails without a server. */
    public static String freshDatabase() {
        String name = "cdht_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(adminUrl(), user(), password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String why = "PostgreSQL test server not reachable at " + adminUrl() + " as " + user() + ": " + e.getMessage()
                    + " (start one, e.g. 'pg_ctlcluster 15 main start', and create the role; see README, Testing)";
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
