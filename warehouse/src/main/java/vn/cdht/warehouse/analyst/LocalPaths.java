package vn.cdht.warehouse.analyst;

import java.nio.file.Path;

/**
 * Iceberg file locations as local paths for DuckDB's Parquet reader. Iceberg records Hadoop-style locations
 * ({@code file:/tmp/w/x.parquet}, {@code file:///tmp/w/x.parquet} or a bare path), not encoded URIs: a space stays a
 * space, so the prefix is removed as text rather than parsed as a URI.
 */
final class LocalPaths {

    private LocalPaths() {
    }

    /** Whether {@link #toLocal} can read {@code location}: a {@code file:} location or a bare path. */
    static boolean isLocal(String location) {
        return location.startsWith("file:") || !location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    }

    static String toLocal(String location, String table) {
        String path;
        if (location.startsWith("file://")) {
            path = location.substring("file://".length());
        } else if (location.startsWith("file:")) {
            path = location.substring("file:".length());
        } else if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new AnalystException("table " + table + " has its files at " + location
                    + ": publishing reads local files only; run 'cdht publish' where the warehouse folder is mounted");
        } else {
            path = location;
        }
        return Path.of(path).toAbsolutePath().normalize().toString();
    }
}
