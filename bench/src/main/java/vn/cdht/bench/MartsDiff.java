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
 * that a performance change left every figure as it was. Prints one line per mart and exits 1 if any row differs.
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
                same &= onlyBefore == 0 && onlyAfter == 0;
            }
        }
        System.out.println(same ? "IDENTICAL" : "DIFFERENT");
        System.exit(same ? 0 : 1);
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
