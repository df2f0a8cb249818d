package vn.cdht.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.cdht.warehouse.config.VietnamTime;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.control.ControlDatabaseSettings;
import vn.cdht.warehouse.ingest.BatchRecord;
import vn.cdht.warehouse.ingest.IngestLedger;

/**
 * The DuckDB-only baseline (issue 7): runs {@code bench/baseline/coverage_criteria.sql}, which computes the coverage
 * and criteria marts straight from the export CSV files, times it, and compares its tables with the marts cdht
 * published in the analyst database. The data's as-of moment, which cdht takes from its raw tables, is passed in: the
 * end of the latest succeeded batch in the ingestion ledger ({@link #ingestedAsOf(Path)}).
 */
public final class Baseline {

    /** The tables compared: the baseline's, the published mart, and the columns that identify a row. */
    private static final Map<String, List<String>> KEYS = Map.of(
            "coverage", List.of("geography", "level", "year", "as_of_month", "province_code", "district_code",
                    "commune_code"),
            "criteria", List.of("geography", "level", "year", "province_code", "district_code", "commune_code",
                    "citizen_group", "criterion_no"));
    private static final double RELATIVE_TOLERANCE = 1e-9;
    /** ${as_of}: a DuckDB TIMESTAMP literal in Vietnam time, the zone cdht's Spark session reads the export's dates in. */
    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(VietnamTime.ZONE);
    private static final int EXAMPLES = 5;

    private Baseline() {
    }

    /**
     * One table's comparison.
     *
     * @param baselineRows  rows the baseline computed
     * @param martRows      rows of cdht's published mart
     * @param missing       mart rows the baseline lacks
     * @param extra         baseline rows the mart lacks
     * @param differing     rows on both sides whose figures differ
     * @param examples      up to five differences, as text
     */
    public record Comparison(long baselineRows, long martRows, long missing, long extra, long differing,
                             List<String> examples) {

        public boolean matches() {
            return missing == 0 && extra == 0 && differing == 0 && baselineRows == martRows;
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(String.format(
                    "rows baseline %d, mart %d; missing %d, extra %d, differing %d", baselineRows, martRows, missing,
                    extra, differing));
            examples.forEach(e -> s.append("\n    ").append(e));
            return s.toString();
        }
    }

    /** The script's wall time (CSV reading included), and the comparison of each mart. */
    public record Result(double seconds, int threads, Comparison coverage, Comparison criteria) {

        public boolean matches() {
            return coverage.matches() && criteria.matches();
        }

        @Override
        public String toString() {
            return String.format("baseline script: %.3f s on %d threads%n  coverage: %s%n  criteria: %s%n  %s",
                    seconds, threads, coverage, criteria, matches() ? "MATCH" : "MISMATCH");
        }
    }

    /**
     * Runs the script on the export files under {@code exportGlobFolder} (a folder, or a glob of batch folders such
     * as {@code /data/full/*}) as of {@code asOf} with the analyst database attached read-only, and compares the
     * result with its marts.
     */
    public static Result run(Path exportGlobFolder, Path analystDb, Instant asOf, int threads, Path script)
            throws IOException, SQLException {
        String sql = Files.readString(script).replace("${export}", exportGlobFolder.toString().replace("'", "''"))
                .replace("${as_of}", AS_OF.format(asOf));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = " + threads);
            s.execute("ATTACH '" + analystDb.toString().replace("'", "''") + "' AS analyst (READ_ONLY)");
            long start = System.nanoTime();
            for (String statement : statements(sql)) {
                s.execute(statement);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(seconds, threads, compare(s, "coverage"), compare(s, "criteria"));
        }
    }

    /**
     * The data's as-of as the control database {@code controlDb} (SQLite, a home's {@code control.db}) knows it: when
     * the latest succeeded ingestion batch ended. cdht's own as-of, max(ingested_at) of its raw tables, is the moment
     * that batch's last raw rows were written, a few seconds earlier.
     */
    public static Instant ingestedAsOf(Path controlDb) {
        ControlDatabase control = new ControlDatabase(new ControlDatabaseSettings("jdbc:sqlite:" + controlDb, null, null));
        return new IngestLedger(control).batches().stream()
                .filter(b -> "succeeded".equals(b.status()) && b.endedAt() != null)
                .map(BatchRecord::endedAt)
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException("no succeeded ingestion batch in " + controlDb));
    }

    /** The script's statements: split at semicolons ending a line, comments dropped. */
    static List<String> statements(String sql) {
        String code = sql.lines().map(l -> l.strip().startsWith("--") ? "" : l).collect(Collectors.joining("\n"));
        List<String> out = new ArrayList<>();
        for (String part : code.split(";\\s*(\\n|$)")) {
            if (!part.isBlank()) {
                out.add(part);
            }
        }
        return out;
    }

    private static Comparison compare(Statement s, String table) throws SQLException {
        List<String> keys = KEYS.get(table);
        List<String[]> columns = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_catalog = 'analyst' AND table_schema = 'mart' AND table_name = '" + table + "'"
                + " ORDER BY ordinal_position")) {
            while (r.next()) {
                columns.add(new String[] {r.getString(1), r.getString(2)});
            }
        }
        String on = keys.stream().map(k -> "b." + k + " IS NOT DISTINCT FROM m." + k).collect(Collectors.joining(" AND "));
        String diffs = columns.stream().filter(c -> !keys.contains(c[0])).map(c -> differs(c[0], c[1]))
                .collect(Collectors.joining(", "));
        String keyText = keys.stream().map(k -> "coalesce(CAST(coalesce(b." + k + ", m." + k + ") AS VARCHAR), '-')")
                .collect(Collectors.joining(", '/', "));
        String joined = "SELECT b._b, m._m, concat(" + keyText + ") AS row_key, concat_ws('; ', " + diffs + ") AS diff"
                + " FROM (SELECT *, true AS _b FROM baseline_" + table + ") b"
                + " FULL JOIN (SELECT *, true AS _m FROM analyst.mart." + table + ") m ON " + on;
        long[] counts = new long[5];
        try (ResultSet r = s.executeQuery("SELECT count(_b), count(_m), count(*) FILTER (WHERE _b IS NULL),"
                + " count(*) FILTER (WHERE _m IS NULL), count(*) FILTER (WHERE _b AND _m AND diff <> '')"
                + " FROM (" + joined + ")")) {
            r.next();
            for (int i = 0; i < counts.length; i++) {
                counts[i] = r.getLong(i + 1);
            }
        }
        List<String> examples = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT CASE WHEN _b IS NULL THEN 'missing in baseline'"
                + " WHEN _m IS NULL THEN 'not in mart' ELSE diff END, row_key FROM (" + joined + ")"
                + " WHERE _b IS NULL OR _m IS NULL OR diff <> '' ORDER BY row_key LIMIT " + EXAMPLES)) {
            while (r.next()) {
                examples.add(r.getString(2) + ": " + r.getString(1));
            }
        }
        return new Comparison(counts[0], counts[1], counts[2], counts[3], counts[4], examples);
    }

    /** A text naming the column when the two sides differ, else NULL (skipped by concat_ws). */
    private static String differs(String column, String type) {
        String b = "b." + column;
        String m = "m." + column;
        String equal = type.equals("DOUBLE") || type.equals("FLOAT")
                ? "(" + b + " IS NULL AND " + m + " IS NULL) OR abs(" + b + " - " + m + ") <= " + RELATIVE_TOLERANCE
                        + " * greatest(abs(" + b + "), abs(" + m + "))"
                : b + " IS NOT DISTINCT FROM " + m;
        return "CASE WHEN NOT coalesce(" + equal + ", false) THEN concat('" + column + " baseline=', coalesce(CAST("
                + b + " AS VARCHAR), 'NULL'), ' mart=', coalesce(CAST(" + m + " AS VARCHAR), 'NULL')) END";
    }

    /**
     * Manual use: {@code Baseline <export glob folder> <home> <script.sql> [threads]}, on a cdht home that holds
     * {@code analyst.duckdb} and {@code control.db} (as the benchmark's homes do).
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: Baseline <export glob folder> <cdht home> <coverage_criteria.sql> [threads]");
            System.exit(2);
        }
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        Path home = Path.of(args[1]);
        Instant asOf = ingestedAsOf(home.resolve("control.db"));
        System.out.println("as of " + AS_OF.format(asOf) + " (Vietnam time)");
        Result result = run(Path.of(args[0]), home.resolve("analyst.duckdb"), asOf, threads, Path.of(args[2]));
        System.out.println(result);
        System.exit(result.matches() ? 0 : 1);
    }
}
