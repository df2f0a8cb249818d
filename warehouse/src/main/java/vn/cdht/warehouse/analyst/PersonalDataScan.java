package vn.cdht.warehouse.analyst;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Looks for personal data in every text column (and text list element) of every table of a DuckDB file: numbers
 * shaped like a CCCD (12 digits starting with 0, or 11 digits that are a CCCD without its leading zero), and, when
 * given, listed strings (the full names of {@code restricted.citizens}, say) contained in a value. The file is
 * attached read-only.
 */
public final class PersonalDataScan {

    /** RE2 syntax (DuckDB): a CCCD, or a CCCD that lost its leading zero (province code 001-096 becomes 01-96). */
    static final String CCCD_PATTERN = "\\b(0[0-9]{11}|(0[1-9]|[1-8][0-9]|9[0-6])[0-9]{9})\\b";

    /** One column holding personal data. {@code kind}: {@code CCCD} or {@code listed string}. */
    public record Finding(String table, String column, String kind, String sample) {
    }

    private final List<String> strings;

    /** The CCCD check only. */
    public PersonalDataScan() {
        this(List.of());
    }

    /** The CCCD check, and values containing any of {@code strings} (blank ones are ignored). */
    public PersonalDataScan(Collection<String> strings) {
        this.strings = strings.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
    }

    public List<Finding> scan(Path database) {
        return scan(database, table -> true);
    }

    /** Scans the base tables whose {@code schema.table} name {@code tables} accepts. */
    public List<Finding> scan(Path database, Predicate<String> tables) {
        DuckDb.requireExists(database);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = duck.createStatement()) {
            st.execute("ATTACH " + DuckDb.literal(database.toAbsolutePath().toString()) + " AS scanned (READ_ONLY)");
            loadStrings(duck);
            List<Finding> out = new ArrayList<>();
            for (TextColumn c : textColumns(st)) {
                if (!tables.test(c.schema() + "." + c.table())) {
                    continue;
                }
                find(st, c, "regexp_matches(v, " + DuckDb.literal(CCCD_PATTERN) + ")", "CCCD", out);
                if (!strings.isEmpty()) {
                    find(st, c, "EXISTS (SELECT 1 FROM scan_strings s WHERE contains(v, s.s))", "listed string", out);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new AnalystException("cannot scan " + database + " for personal data: " + AnalystException.firstLine(e), e);
        }
    }

    /** A sample for a message: long digit runs cut to their first three digits. */
    public static String mask(String sample) {
        String s = sample.replaceAll("([0-9]{3})[0-9]{8,}", "$1…");
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private record TextColumn(String schema, String table, String column, boolean list) {

        String source() {
            String from = "scanned." + DuckDb.ident(schema) + "." + DuckDb.ident(table);
            String col = DuckDb.ident(column);
            return list ? "(SELECT unnest(" + col + ") AS v FROM " + from + ")" : "(SELECT " + col + " AS v FROM " + from + ")";
        }
    }

    private static List<TextColumn> textColumns(Statement st) throws SQLException {
        List<TextColumn> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT c.table_schema, c.table_name, c.column_name, c.data_type"
                + " FROM information_schema.columns c JOIN information_schema.tables t"
                + " ON t.table_catalog = c.table_catalog AND t.table_schema = c.table_schema AND t.table_name = c.table_name"
                + " WHERE c.table_catalog = 'scanned' AND t.table_type = 'BASE TABLE'"
                + " AND c.data_type IN ('VARCHAR', 'VARCHAR[]')"
                + " ORDER BY 1, 2, c.ordinal_position")) {
            while (rs.next()) {
                out.add(new TextColumn(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4).endsWith("[]")));
            }
        }
        return out;
    }

    private static void find(Statement st, TextColumn c, String condition, String kind, List<Finding> out)
            throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT v FROM " + c.source() + " WHERE v IS NOT NULL AND " + condition + " LIMIT 1")) {
            if (rs.next()) {
                out.add(new Finding(c.schema() + "." + c.table(), c.column(), kind, rs.getString(1)));
            }
        }
    }

    private void loadStrings(Connection duck) throws SQLException {
        if (strings.isEmpty()) {
            return;
        }
        try (Statement st = duck.createStatement()) {
            st.execute("CREATE TEMP TABLE scan_strings (s VARCHAR)");
        }
        try (PreparedStatement ps = duck.prepareStatement("INSERT INTO scan_strings VALUES (?)")) {
            for (String s : strings) {
                ps.setString(1, s);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
