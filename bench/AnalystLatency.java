// Latency of the ten docs/analyst-guide.md questions on a published analyst database (10 runs each after a warm-up).
// Run from the repository root after ./cdht demo (or cdht publish):
//   CP="warehouse/target/classes:$(ls orchestration/target/lib/*.jar | tr '\n' :)"
//   javac -cp "$CP" -d /tmp bench/AnalystLatency.java && java -cp "/tmp:$CP" AnalystLatency var/analyst.duckdb
import java.nio.file.*; import java.util.*; import java.util.regex.*;
import vn.cdht.warehouse.analyst.AnalystQuery;
public class AnalystLatency {
  public static void main(String[] a) throws Exception {
    String guide = Files.readString(Path.of("docs/analyst-guide.md"));
    Matcher m = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(guide);
    List<String> qs = new ArrayList<>(); while (m.find()) qs.add(m.group(1).strip());
    try (AnalystQuery q = AnalystQuery.open(Path.of(a[0]))) {
      List<Double> all = new ArrayList<>(); int i = 0;
      for (String sql : qs) { i++; List<Double> t = new ArrayList<>(); int rows = 0;
        for (int r = 0; r < 11; r++) { long t0 = System.nanoTime(); rows = q.query(sql).rows().size(); double ms = (System.nanoTime()-t0)/1e6; if (r > 0) { t.add(ms); all.add(ms);} }
        Collections.sort(t); System.out.printf("Q%d rows=%d p50=%.1f ms max=%.1f ms%n", i, rows, t.get(t.size()/2), t.get(t.size()-1)); }
      Collections.sort(all); System.out.printf("all: p50=%.1f ms p95=%.1f ms (%d runs)%n", all.get(all.size()/2), all.get((int)(all.size()*0.95)), all.size());
    }
  }
}
