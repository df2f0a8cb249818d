package vn.cdht.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cdht.warehouse.analyst.AnalystQuery;

/**
 * The latency of the ten questions of {@code docs/analyst-guide.md} on a published analyst database, through the
 * same read-only access {@code cdht sql} uses: each question once to warm up, then {@code runs} times. The guide's
 * example codes (province 51, commune 23293) are replaced by the data's own, so that every question reads data.
 */
final class AnalystLatency {

    /** The guide's example codes: the province (on both geographies) and the commune its questions use. */
    static final String GUIDE_PROVINCE = "'51'";
    static final String GUIDE_COMMUNE = "'23293'";

    /** The province with the most communes on the 2025 geography among those with data. */
    static final String LARGEST_PROVINCE = "SELECT province_code FROM mart.coverage WHERE geography = '2025'"
            + " AND level = 'commune' AND is_latest_month GROUP BY province_code"
            + " ORDER BY count(DISTINCT commune_code) DESC, province_code LIMIT 1";

    /** Re-measures a published database: {@code AnalystLatency <analyst.duckdb> <analyst-guide.md> [runs]}. */
    public static void main(String[] args) {
        Path database = Path.of(args[0]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Result r = measure(database, forData(questions(Path.of(args[1])), database), runs);
        System.out.printf("p50 %.2f ms, p95 %.2f ms over %d runs%n", Measurement.percentile(r.allMillis(), 50),
                Measurement.percentile(r.allMillis(), 95), r.allMillis().size());
        for (int i = 0; i < r.perQuery().size(); i++) {
            System.out.printf("Q%d (%d rows): median %.2f ms, max %.2f ms%n", i + 1, r.rows().get(i),
                    Measurement.percentile(r.perQuery().get(i), 50), Measurement.percentile(r.perQuery().get(i), 100));
        }
    }

    /**
     * The questions with the guide's example codes replaced: the 2025 province with the most communes, the 2024
     * province with the most registrations (for questions on the 2024 geography), and that 2025 province's commune
     * with the most schools.
     */
    static List<String> forData(List<String> questions, Path database) {
        try (AnalystQuery q = AnalystQuery.open(database)) {
            String province = first(q, LARGEST_PROVINCE, GUIDE_PROVINCE);
            String oldProvince = first(q, "SELECT province_code FROM mart.coverage WHERE geography = '2024'"
                    + " AND level = 'province' GROUP BY province_code ORDER BY max(registered) DESC, province_code"
                    + " LIMIT 1", GUIDE_PROVINCE);
            String commune = first(q, "SELECT commune_code_2025 FROM mart.unit_progress WHERE unit_category = 'school'"
                    + " AND province_code_2025 = " + province + " AND commune_code_2025 IS NOT NULL GROUP BY commune_code_2025"
                    + " ORDER BY count(*) DESC, commune_code_2025 LIMIT 1", GUIDE_COMMUNE);
            List<String> out = new ArrayList<>();
            for (String sql : questions) {
                String p = sql.contains("geography = '2024'") ? oldProvince : province;
                out.add(sql.replace(GUIDE_PROVINCE, p).replace(GUIDE_COMMUNE, commune));
            }
            return out;
        }
    }

    private static String first(AnalystQuery q, String sql, String otherwise) {
        var rows = q.query(sql).rows();
        return rows.isEmpty() || rows.get(0).get(0) == null ? otherwise : "'" + rows.get(0).get(0) + "'";
    }

    record Result(List<Double> allMillis, List<List<Double>> perQuery, List<Integer> rows) {
    }

    static List<String> questions(Path guide) {
        try {
            Matcher m = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(guide));
            List<String> out = new ArrayList<>();
            while (m.find()) {
                out.add(m.group(1).strip());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result measure(Path database, List<String> questions, int runs) {
        List<Double> all = new ArrayList<>();
        List<List<Double>> perQuery = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        try (AnalystQuery q = AnalystQuery.open(database)) {
            for (String sql : questions) {
                rows.add(q.query(sql).rows().size());
                List<Double> times = new ArrayList<>();
                for (int r = 0; r < runs; r++) {
                    long t0 = System.nanoTime();
                    q.query(sql).rows().size();
                    times.add((System.nanoTime() - t0) / 1e6);
                }
                perQuery.add(times);
                all.addAll(times);
            }
        }
        return new Result(all, perQuery, rows);
    }
}
