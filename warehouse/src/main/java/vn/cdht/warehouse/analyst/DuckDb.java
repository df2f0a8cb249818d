package vn.cdht.warehouse.analyst;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
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

    /**
     * DuckDB settings of a sealed connection: no file but the database it opened (no COPY, ATTACH, read_csv, glob, ...),
     * no extension installed or loaded, and the configuration locked so that no SET, RESET or PRAGMA gives any of it
     * back. Given at open: DuckDB applies start-up options before the lock takes hold, and the database file itself
     * is opened before external access is off.
     */
    static final Map<String, String> SEALED = Map.of(
            "enable_external_access", "false",
            "allow_unsigned_extensions", "false",
            "autoinstall_known_extensions", "false",
            "autoload_known_extensions", "false",
            "lock_configuration", "true");

    /** A read-only, sealed ({@link #SEALED}) connection to an existing analyst database; a missing file says how to make one. */
    static Connection openSealed(Path file) throws SQLException {
        requireExists(file);
        Properties p = new Properties();
        p.setProperty(READ_ONLY_PROPERTY, "true");
        SEALED.forEach(p::setProperty);
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
