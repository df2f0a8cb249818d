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
 * same read-only access {@code cdht sql} uses: each question once to warm up, then {@code runs} times.
 */
final class AnalystLatency {

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
