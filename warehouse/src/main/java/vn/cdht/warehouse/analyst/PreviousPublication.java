package vn.cdht.warehouse.analyst;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * What the analyst database already holds: each table with the Iceberg snapshot and schema it was copied from. A
 * publish starts from a copy of that file and copies again only the tables whose snapshot or schema moved. There is
 * none to start from (a full publish) when the file is missing or unreadable, was written by another cdht or DuckDB
 * version, or holds more free space than data (tables replaced many times: a fresh file is smaller).
 */
record PreviousPublication(Instant publishedAt, Map<String, PublishedTable> tables, Set<String> views) {

    /** What a publish that found nothing moved reports: the file as it is. */
    PublishResult result(Path database) {
        List<String> created = AnalystViews.NAMES.stream().filter(views::contains).toList();
        List<SkippedView> skipped = AnalystViews.NAMES.stream().filter(v -> !views.contains(v))
                .map(v -> new SkippedView(v, "not in the analyst database, and no table it reads has changed since"))
                .toList();
        return new PublishResult(database, publishedAt, List.copyOf(tables.values()), created, skipped);
    }

    static Optional<PreviousPublication> read(Path file, String cdhtVersion) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties readOnly = new Properties();
        readOnly.setProperty(DuckDb.READ_ONLY_PROPERTY, "true");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), readOnly);
             Statement st = duck.createStatement()) {
            Instant publishedAt;
            try (ResultSet rs = st.executeQuery("SELECT cdht_version = " + DuckDb.literal(cdhtVersion)
                    + " AND duckdb_version = version(), epoch_ms(published_at) FROM main.metadata")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return Optional.empty();
                }
                publishedAt = Instant.ofEpochMilli(rs.getLong(2));
            }
            try (ResultSet rs = st.executeQuery("SELECT free_blocks <= used_blocks FROM pragma_database_size()")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            Map<String, PublishedTable> tables = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT schema_name, table_name, snapshot_id, schema_id, row_count"
                    + " FROM main.published_tables ORDER BY schema_name, table_name")) {
                while (rs.next()) {
                    PublishedTable t = new PublishedTable(rs.getString(1), rs.getString(2), (Long) rs.getObject(3),
                            rs.getInt(4), rs.getLong(5), false);
                    tables.put(t.qualifiedName(), t);
                }
            }
            Set<String> views = new HashSet<>();
            try (ResultSet rs = st.executeQuery("SELECT view_name FROM duckdb_views() WHERE NOT internal")) {
                while (rs.next()) {
                    views.add(rs.getString(1));
                }
            }
            return Optional.of(new PreviousPublication(publishedAt, tables, views));
        } catch (SQLException e) {
            return Optional.empty(); // an older layout or a damaged file: publish everything again
        }
    }
}
