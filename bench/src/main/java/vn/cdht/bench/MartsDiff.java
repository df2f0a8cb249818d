package vn.cdht.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the marts of two published analyst databases, {@code EXCEPT ALL} both ways, table by table: the check
 * that a performance change left every figure as it was. Prints one line per mart. A mart that differs is compared again
 * with its DOUBLE columns rounded to 12 decimals, which tells a change of figures from a change in the last bits of a
 * floating-point sum whose order moved. Exits 0 when every mart is identical, 3 when the only differences are beyond the
 * 12th decimal of a DOUBLE, 1 otherwise.
 * <pre>java -cp ... vn.cdht.bench.MartsDiff before/analyst.duckdb after/analyst.duckdb</pre>
 */
public final class MartsDiff {

    private MartsDiff() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 2 || !Files.isRegularFile(Path.of(args[0])) || !Files.isRegularFile(Path.of(args[1]))) {
            System.err.println("usage: MartsDiff BEFORE.duckdb AFTER.duckdb (two published analyst databases)");
            System.exit(2);
        }
        boolean same = true;
        boolean close = true;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("ATTACH '" + args[0].replace("'", "''") + "' AS before (READ_ONLY)");
            s.execute("ATTACH '" + args[1].replace("'", "''") + "' AS after (READ_ONLY)");
            List<String> marts = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_catalog = 'before'"
                    + " AND table_schema = 'mart' ORDER BY table_name")) {
                while (r.next()) {
                    marts.add(r.getString(1));
                }
            }
            for (String mart : marts) {
                long rows = count(s, "SELECT count(*) FROM before.mart." + mart);
                long onlyBefore = count(s, "SELECT count(*) FROM (SELECT * FROM before.mart." + mart
                        + " EXCEPT ALL SELECT * FROM after.mart." + mart + ")");
                long onlyAfter = count(s, "SELECT count(*) FROM (SELECT * FROM after.mart." + mart
                        + " EXCEPT ALL SELECT * FROM before.mart." + mart + ")");
                System.out.printf("mart.%s: %d rows; only before %d, only after %d%n", mart, rows, onlyBefore, onlyAfter);
                if (onlyBefore == 0 && onlyAfter == 0) {
                    continue;
                }
                same = false;
                String before = rounded(s, "before", mart);
                String after = rounded(s, "after", mart);
                long roundedBefore = count(s, "SELECT count(*) FROM (" + before + " EXCEPT ALL " + after + ")");
                long roundedAfter = count(s, "SELECT count(*) FROM (" + after + " EXCEPT ALL " + before + ")");
                System.out.printf("  with DOUBLE columns rounded to 12 decimals: only before %d, only after %d%n",
                        roundedBefore, roundedAfter);
                close &= roundedBefore == 0 && roundedAfter == 0;
            }
        }
        System.out.println(same ? "IDENTICAL" : close ? "EQUAL TO 12 DECIMALS (differences in the last bits of DOUBLE columns only)"
                : "DIFFERENT");
        System.exit(same ? 0 : close ? 3 : 1);
    }

    /** The mart's rows with every DOUBLE column rounded to 12 decimals. */
    private static String rounded(Statement s, String database, String mart) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_catalog = '" + database + "' AND table_schema = 'mart' AND table_name = '" + mart + "'"
                + " ORDER BY ordinal_position")) {
            while (r.next()) {
                String column = '"' + r.getString(1) + '"';
                columns.add(r.getString(2).equals("DOUBLE") ? "round(" + column + ", 12) AS " + column : column);
            }
        }
        return "SELECT " + String.join(", ", columns) + " FROM " + database + ".mart." + mart;
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
