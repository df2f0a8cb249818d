package vn.cdht.warehouse.analyst;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What the analyst database already holds: each table with the Iceberg snapshot and schema it was copied from. A
 * publish starts from a copy of that file and copies again only the tables whose snapshot or schema moved. There is
 * none to start from (a full publish) when the file is missing or unreadable, was written by another cdht or DuckDB
 * version, or holds more free space than data (tables replaced many times: a fresh file is smaller).
 */
record PreviousPublication(Map<String, PublishedTable> tables) {

    static Optional<PreviousPublication> read(Path file, String cdhtVersion) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties readOnly = new Properties();
        readOnly.setProperty(DuckDb.READ_ONLY_PROPERTY, "true");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), readOnly);
             Statement st = duck.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT cdht_version = " + DuckDb.literal(cdhtVersion)
                    + " AND duckdb_version = version() FROM main.metadata")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT free_blocks <= used_blocks FROM pragma_database_size()")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            Map<String, PublishedTable> tables = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT schema_name, table_name, snapshot_id, schema_id, row_count"
                    + " FROM main.published_tables")) {
                while (rs.next()) {
                    PublishedTable t = new PublishedTable(rs.getString(1), rs.getString(2), (Long) rs.getObject(3),
                            rs.getInt(4), rs.getLong(5), false);
                    tables.put(t.qualifiedName(), t);
                }
            }
            return Optional.of(new PreviousPublication(tables));
        } catch (SQLException e) {
            return Optional.empty(); // an older layout or a damaged file: publish everything again
        }
    }
}
