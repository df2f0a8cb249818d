package vn.cdht.reports;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.catalog.Catalog;
import vn.cdht.warehouse.analyst.SnapshotLoader;

/**
 * What a report's queries read: an in-memory DuckDB database holding the report's Iceberg tables, each loaded at
 * its current snapshot or at a pinned one (to reproduce a report). Nothing of it is written to disk, so the personal
 * data a unit list reads never leaves the restricted tables but in the list itself.
 *
 * <p>Every database also gets the functions the templates share ({@link #installFunctions}): the macro
 * {@code vi_sort_key(name)}, so that names sort in Vietnamese order with numbers by value
 * ({@code ORDER BY vi_sort_key(name) COLLATE vi, name}); see {@link VietnameseCollation}.
 */
public final class ReportData implements AutoCloseable {

    /** A table to load, with an optional DuckDB condition on its rows (NULL: all). */
    public record TableLoad(String table, String filter) {
    }

    private final Connection duck;
    private final Map<String, SnapshotLoader.Loaded> loaded;

    private ReportData(Connection duck, Map<String, SnapshotLoader.Loaded> loaded) {
        this.duck = duck;
        this.loaded = loaded;
    }

    /**
     * @param pinned the snapshots to read (time travel), or NULL for the current ones
     */
    public static ReportData open(Catalog catalog, List<TableLoad> tables, ReportSnapshots pinned) {
        Connection duck;
        try {
            duck = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new ReportException("cannot open an in-memory DuckDB database: " + e.getMessage(), e);
        }
        try {
            installFunctions(duck);
            SnapshotLoader loader = new SnapshotLoader(catalog, duck);
            Map<String, SnapshotLoader.Loaded> loaded = new LinkedHashMap<>();
            for (TableLoad t : tables) {
                Long snapshot = null;
                if (pinned != null) {
                    if (!pinned.contains(t.table())) {
                        throw new ReportException("the report did not record a snapshot of " + t.table()
                                + ": it was rendered by another version of its template and cannot be reproduced");
                    }
                    snapshot = pinned.get(t.table());
                }
                loaded.put(t.table(), loader.load(t.table(), snapshot, t.filter()));
            }
            return new ReportData(duck, loaded);
        } catch (RuntimeException e) {
            closeQuietly(duck);
            throw e;
        }
    }

    /**
     * Creates the templates' shared SQL functions in the database of {@code duck} (persistent macros of the database,
     * so that every duplicate of the connection sees them too). Tests that fill templates from a database of their
     * own call it as well.
     */
    public static void installFunctions(Connection duck) {
        try (Statement s = duck.createStatement()) {
            s.execute(VietnameseCollation.CREATE_SQL_MACRO);
        } catch (SQLException e) {
            throw new ReportException("cannot create the reports' SQL functions: " + e.getMessage(), e);
        }
    }

    public Connection connection() {
        return duck;
    }

    public ReportSnapshots snapshots() {
        Map<String, Long> m = new LinkedHashMap<>();
        loaded.forEach((table, l) -> m.put(table, l.snapshotId()));
        return new ReportSnapshots(m);
    }

    /** When the newest of the tables read was written. */
    public Optional<Instant> freshness() {
        return loaded.values().stream().map(SnapshotLoader.Loaded::committedAtMillis).filter(java.util.Objects::nonNull)
                .max(Long::compare).map(Instant::ofEpochMilli);
    }

    @Override
    public void close() {
        closeQuietly(duck);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // an in-memory database: nothing is lost
        }
    }
}
