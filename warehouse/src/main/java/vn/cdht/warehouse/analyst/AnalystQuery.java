package vn.cdht.warehouse.analyst;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Queries on the analyst database through a read-only, sealed DuckDB connection: a write fails with DuckDB's own
 * error, and nothing outside the database can be read or written (no file, no other database, no extension).
 * {@link #run} answers one statement; {@link #open} keeps a connection for several (the interactive prompt).
 */
public final class AnalystQuery implements AutoCloseable {

    private static final Pattern NUMERIC_TYPE = Pattern.compile(
            "(U?TINYINT|U?SMALLINT|U?INTEGER|U?BIGINT|U?HUGEINT|FLOAT|DOUBLE|DECIMAL.*|BOOLEAN)");

    /** The answer to any statement that would read or write a file, attach a database or load an extension. */
    public static final String SEALED = "cdht sql is read-only and cannot read or write files outside the analyst"
            + " database; use --csv FILE or --json";

    /** What DuckDB says when a sealed connection refuses a file, a database or an extension. */
    private static final List<String> DUCKDB_SEALED = List.of("file system operations are disabled by configuration",
            "Loading external extensions is disabled", "Cannot launch in-memory database in read-only mode");

    private final Connection duck;

    private AnalystQuery(Connection duck) {
        this.duck = duck;
    }

    public static AnalystQuery open(Path database) {
        try {
            return new AnalystQuery(DuckDb.openSealed(database));
        } catch (SQLException e) {
            throw new AnalystException("cannot open the analyst database " + database + ": " + AnalystException.firstLine(e), e);
        }
    }

    public static QueryResult run(Path database, String sql) {
        try (AnalystQuery q = open(database)) {
            return q.query(sql);
        }
    }

    public QueryResult query(String sql) {
        if (SealedSql.refused(sql).isPresent()) {
            throw new AnalystException(SEALED);
        }
        try (Statement st = duck.createStatement()) {
            if (!st.execute(sql)) {
                return QueryResult.empty();
            }
            try (ResultSet rs = st.getResultSet()) {
                return read(rs);
            }
        } catch (SQLException e) {
            String message = AnalystException.firstLine(e);
            boolean sealed = DUCKDB_SEALED.stream().anyMatch(message::contains);
            throw new AnalystException(sealed ? SEALED : message, e);
        }
    }

    /** Every table and view as {@code schema.name}, views of {@code main} by their name alone. */
    public List<String> tables() {
        QueryResult r = query("SELECT CASE WHEN schema_name = 'main' THEN '' ELSE schema_name || '.' END || table_name"
                + " || CASE WHEN kind = 'view' THEN ' (view)' ELSE '' END FROM ("
                + " SELECT schema_name, table_name, 'table' AS kind FROM duckdb_tables() WHERE NOT internal AND NOT temporary"
                + " UNION ALL SELECT schema_name, view_name, 'view' FROM duckdb_views() WHERE NOT internal AND NOT temporary)"
                + " ORDER BY schema_name <> 'main', 1");
        return r.rows().stream().map(row -> row.get(0)).toList();
    }

    private static QueryResult read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> columns = new ArrayList<>();
        List<Boolean> unquoted = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            columns.add(md.getColumnLabel(i));
            unquoted.add(NUMERIC_TYPE.matcher(md.getColumnTypeName(i).toUpperCase()).matches());
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                Object v = rs.getObject(i);
                row.add(v == null ? null : v instanceof Number || v instanceof Array ? format(v) : rs.getString(i));
            }
            rows.add(row);
        }
        return new QueryResult(List.copyOf(columns), List.copyOf(unquoted), rows);
    }

    /** Numbers plainly (no exponent), lists as {@code [a, b]}. */
    static String format(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return v.toString();
            }
            return new BigDecimal(v.toString()).toPlainString();
        }
        if (v instanceof Array a) {
            try {
                Object[] items = (Object[]) a.getArray();
                return Arrays.stream(items).map(AnalystQuery::format).map(s -> s == null ? "NULL" : s)
                        .collect(Collectors.joining(", ", "[", "]"));
            } catch (SQLException e) {
                return v.toString();
            }
        }
        return v.toString();
    }

    @Override
    public void close() {
        try {
            duck.close();
        } catch (SQLException ignored) {
            // a read-only connection holds nothing to lose
        }
    }
}
