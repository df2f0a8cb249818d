package vn.cdht.warehouse.analyst;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Connections to DuckDB files and the quoting DuckDB SQL needs. */
final class DuckDb {

    /** The DuckDB JDBC driver's property for a read-only connection (DuckDBDriver.DUCKDB_READONLY_PROPERTY). */
    static final String READ_ONLY_PROPERTY = "duckdb.read_only";

    private DuckDb() {
    }

    static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
    }

    /** A read-only connection to an existing analyst database; a missing file says how to make one. */
    static Connection openReadOnly(Path file) throws SQLException {
        requireExists(file);
        Properties p = new Properties();
        p.setProperty(READ_ONLY_PROPERTY, "true");
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), p);
    }

    static void requireExists(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AnalystException("no analyst database at " + file.toAbsolutePath()
                    + ": run 'cdht publish' (or 'cdht demo') first, or give its path with --db");
        }
    }

    /** A SQL string literal. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** A quoted identifier. */
    static String ident(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
