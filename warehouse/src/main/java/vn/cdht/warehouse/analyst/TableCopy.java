package vn.cdht.warehouse.analyst;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * Copies one Iceberg snapshot into a DuckDB table with DuckDB's own Parquet reader: the data files, minus the rows
 * their position deletes remove, with the column types of the Iceberg schema.
 */
final class TableCopy {

    private final Connection duck;

    TableCopy(Connection duck) {
        this.duck = duck;
    }

    /** Creates {@code schema.table}; returns its row count. */
    long copy(String schema, String table, Schema iceberg, SnapshotFiles files) throws SQLException {
        return copy(schema, table, iceberg, files, null);
    }

    /**
     * Creates {@code schema.table} with the rows that satisfy {@code filter} (a DuckDB condition on the table's
     * columns, or NULL for every row); returns its row count.
     */
    long copy(String schema, String table, Schema iceberg, SnapshotFiles files, String filter) throws SQLException {
        String target = DuckDb.ident(schema) + "." + DuckDb.ident(table);
        try (Statement st = duck.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + DuckDb.ident(schema));
            if (files.dataFiles().isEmpty()) {
                st.execute("CREATE TABLE " + target + " (" + iceberg.columns().stream()
                        .map(f -> DuckDb.ident(f.name()) + " " + DuckDbTypes.of(f.type()))
                        .collect(Collectors.joining(", ")) + ")");
                return 0;
            }
            boolean deletes = !files.positionDeletes().isEmpty();
            String source = "read_parquet(" + list(files.dataFiles().keySet()) + ", hive_partitioning = false, union_by_name = true"
                    + (deletes ? ", filename = true, file_row_number = true" : "") + ")";
            Set<String> present = columnsOf(st, source);
            StringBuilder sql = new StringBuilder("CREATE TABLE ").append(target).append(" AS SELECT ")
                    .append(select(iceberg, present)).append(" FROM ").append(source).append(" d");
            if (deletes) {
                registerLocations(st, files.dataFiles());
                sql.append(" JOIN _cdht_files f ON f.local_path = d.filename")
                        .append(" ANTI JOIN read_parquet(").append(list(files.positionDeletes()))
                        .append(", hive_partitioning = false) x ON x.file_path = f.iceberg_path AND x.pos = d.file_row_number");
            }
            if (filter != null) {
                sql.append(" WHERE ").append(filter);
            }
            st.execute(sql.toString());
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + target)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Every column of the Iceberg schema in its order and type; NULL for a column no file has yet (added later). */
    private static String select(Schema iceberg, Set<String> present) {
        return iceberg.columns().stream().map(f -> selectColumn(f, present)).collect(Collectors.joining(", "));
    }

    private static String selectColumn(Types.NestedField f, Set<String> present) {
        String value = present.contains(f.name()) ? "d." + DuckDb.ident(f.name()) : "NULL";
        return "CAST(" + value + " AS " + DuckDbTypes.of(f.type()) + ") AS " + DuckDb.ident(f.name());
    }

    private static Set<String> columnsOf(Statement st, String source) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (rs.next()) {
                names.add(rs.getString("column_name"));
            }
        }
        return names;
    }

    /** Position deletes name data files by their Iceberg location; DuckDB knows them by the local path it read. */
    private void registerLocations(Statement st, Map<String, String> dataFiles) throws SQLException {
        st.execute("CREATE OR REPLACE TEMP TABLE _cdht_files (local_path VARCHAR, iceberg_path VARCHAR)");
        try (PreparedStatement ps = duck.prepareStatement("INSERT INTO _cdht_files VALUES (?, ?)")) {
            for (Map.Entry<String, String> e : dataFiles.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String list(Collection<String> paths) {
        return paths.stream().map(DuckDb::literal).collect(Collectors.joining(", ", "[", "]"));
    }
}
