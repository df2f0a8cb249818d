package vn.cdht.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.cdht.cli.Cdht;
import vn.cdht.warehouse.analyst.AnalystQuery;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.control.ControlDatabaseSettings;
import vn.cdht.warehouse.control.RunLedger;
import vn.cdht.warehouse.config.VietnamTime;

/**
 * The benchmark of bench/README.md: generates a scale's data, then measures the full and incremental refresh
 * ({@code cdht run --until publish} in its own JVM), the DuckDB-only baseline on the same files (and checks its
 * figures against cdht's), every commune bulletin of the largest province, the provincial bulletin warm, and the
 * analyst guide's queries; writes {@code <out>/<date>-<scale>.md} and {@code .csv}.
 */
@Command(name = "bench/run.sh", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmarks cdht at a scale and writes a dated Markdown table and CSV of the results.",
                "Scales: XS (about 5 thousand accounts, a smoke test), S (about 100 thousand), M (about 2 million),"
                        + " L (about 8 million). See bench/README.md."})
public final class Bench implements Callable<Integer> {

    static final String SECRET = "cdht-bench-pseudonym-secret-0001";

    static final String DEFAULT_HEAP = "8g";

    @Option(names = "--scale", defaultValue = "S", paramLabel = "XS|S|M|L", description = "Data size (default ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--out", defaultValue = "bench/results", paramLabel = "DIR",
            description = "Where the results go (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Scratch folder for data and homes (default: <tmp>/cdht-bench; generated data is reused).")
    Path work;

    @Option(names = "--repeat", paramLabel = "N", description = "Repetitions of each measurement (default per scale: XS/S 3, M 2, L 1).")
    Integer repeat;

    @Option(names = "--heap", defaultValue = DEFAULT_HEAP, paramLabel = "SIZE",
            description = "Maximum heap of the measured cdht JVMs (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--skip", split = ",", paramLabel = "PART",
            description = "Parts to leave out: incremental (with the rerun and the batch of one commune), baseline,"
                    + " bulletins, analyst.")
    List<String> skip = new ArrayList<>();

    @Option(names = "--nightly", defaultValue = "0", paramLabel = "N",
            description = "After the first repetition, N nightly batches one after another (each 1% of new and changed"
                    + " rows, other rows each night), each a cdht run --until publish; their times go to the results"
                    + " and to a chart <date>-<scale>-nightly.svg (default ${DEFAULT-VALUE}: none).")
    int nightly;

    private final Path repository = Path.of("").toAbsolutePath();

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        BenchScale s = BenchScale.of(scale);
        int n = repeat != null ? repeat : s.defaultRepeat();
        Path workDir = (work != null ? work : Path.of(System.getProperty("java.io.tmpdir"), "cdht-bench")).toAbsolutePath();
        Files.createDirectories(workDir);
        progress("scale " + s + " (" + s.description() + "), " + n + " repetition(s), work folder " + workDir);
        DataSet data = DataSet.prepare(s, workDir, Bench::progress);
        progress(String.format("data: %,d rows in the full export (%,d accounts), %,d in the incremental batch",
                data.fullRowCount(), data.accounts(), data.incrementalRows()));

        List<Measurement> results = new ArrayList<>();
        Map<String, List<Double>> full = new HashMap<>();
        Map<String, List<Double>> incremental = new HashMap<>();
        Map<String, List<Double>> rerun = new HashMap<>();
        Map<String, List<Double>> commune = new HashMap<>();
        List<Double> nightlyRuns = new ArrayList<>();
        Baseline.Result check = null;
        List<Double> baselineSeconds = new ArrayList<>();
        Path home = null;
        for (int r = 1; r <= n; r++) {
            home = workDir.resolve("home-" + s + "-" + r);
            Path inbox = workDir.resolve("inbox-" + s + "-" + r);
            DataSet.deleteTree(home);
            DataSet.deleteTree(inbox);
            Files.createDirectories(inbox);
            for (Slice slice : s.slices()) {
                Files.createSymbolicLink(inbox.resolve("1-full-" + slice.folder()), data.full().resolve(slice.folder()));
            }
            ChildJvm cdht = new ChildJvm(repository, heap, env(home, inbox), Bench::progress);
            progress("repetition " + r + "/" + n + ": full refresh (cdht run --until publish)");
            refresh(cdht, home, workDir.resolve("logs/full-" + s + "-" + r + ".log"), data.fullRowCount(), full);
            if (!skip.contains("baseline")) {
                progress("repetition " + r + "/" + n + ": DuckDB-only baseline on the same files");
                Baseline.Result b = Baseline.run(data.full().resolve("*"), home.resolve("analyst.duckdb"),
                        Baseline.ingestedAsOf(home.resolve("control.db")), Runtime.getRuntime().availableProcessors(),
                        repository.resolve("bench/baseline/coverage_criteria.sql"));
                baselineSeconds.add(b.seconds());
                if (check == null) {
                    check = b;
                }
                progress(b.toString());
            }
            if (!skip.contains("incremental")) {
                for (Slice slice : s.slices()) {
                    Files.createSymbolicLink(inbox.resolve("2-incr-" + slice.folder()),
                            data.incremental().resolve(slice.folder()));
                }
                progress("repetition " + r + "/" + n + ": incremental refresh (1% new and changed rows)");
                refresh(cdht, home, workDir.resolve("logs/incremental-" + s + "-" + r + ".log"), data.incrementalRows(),
                        incremental);
                progress("repetition " + r + "/" + n + ": the same run again, nothing new");
                refresh(cdht, home, workDir.resolve("logs/rerun-" + s + "-" + r + ".log"), 1, rerun);
                Slice first = s.slices().get(0);
                Path communeBatch = data.variant("commune", first, IncrementalBatch.Variant.commune(
                        largestCommune(data.full().resolve(first.folder()))));
                Files.createSymbolicLink(inbox.resolve("3-commune-" + first.folder()), communeBatch);
                progress("repetition " + r + "/" + n + ": a batch of one commune (5% of its rows changed, 5% new)");
                refresh(cdht, home, workDir.resolve("logs/commune-" + s + "-" + r + ".log"), DataSet.rows(communeBatch), commune);
            }
            if (r == 1 && nightly > 0) {
                nightlyRuns.addAll(nightly(s, data, cdht, home, inbox, workDir));
            }
        }
        addRefresh(results, "full refresh", full);
        addRefresh(results, "incremental refresh", incremental);
        addRefresh(results, "rerun with nothing new", rerun);
        addRefresh(results, "batch of one commune", commune);
        if (!nightlyRuns.isEmpty()) {
            for (int i = 0; i < nightlyRuns.size(); i++) {
                results.add(new Measurement("nightly batches", "night " + (i + 1) + ", stages ingest → publish", "s",
                        List.of(nightlyRuns.get(i))));
            }
            results.add(new Measurement("nightly batches", "last night ÷ first night", "×",
                    List.of(nightlyRuns.get(nightlyRuns.size() - 1) / nightlyRuns.get(0))));
            Path chart = out.toAbsolutePath().resolve(LocalDate.now(VietnamTime.ZONE) + "-" + s + "-nightly.svg");
            Files.createDirectories(chart.getParent());
            Files.writeString(chart, NightlyChart.svg(s + ": " + nightlyRuns.size() + " nightly batches, seconds per run"
                    + " (stages ingest → publish)", nightlyRuns), StandardCharsets.UTF_8);
            progress("nightly chart: " + chart);
        }
        if (!baselineSeconds.isEmpty()) {
            results.add(new Measurement("baseline", "DuckDB-only coverage + criteria from the CSVs", "s", baselineSeconds));
        }
        String province = largestProvince(home.resolve("analyst.duckdb"));
        if (!skip.contains("bulletins")) {
            bulletins(s, n, workDir, home, province, results);
        }
        AnalystLatency.Result analyst = null;
        if (!skip.contains("analyst")) {
            progress("analyst queries (docs/analyst-guide.md, with the data's own province and commune codes), 20 runs each after one warm-up");
            Path database = home.resolve("analyst.duckdb");
            analyst = AnalystLatency.measure(database, AnalystLatency.forData(
                    AnalystLatency.questions(repository.resolve("docs/analyst-guide.md")), database), 20);
            results.add(new Measurement("analyst queries", "p50 over all queries", "ms",
                    List.of(Measurement.percentile(analyst.allMillis(), 50))));
            results.add(new Measurement("analyst queries", "p95 over all queries", "ms",
                    List.of(Measurement.percentile(analyst.allMillis(), 95))));
            for (int i = 0; i < analyst.perQuery().size(); i++) {
                results.add(new Measurement("analyst queries", "Q" + (i + 1) + " (" + analyst.rows().get(i) + " rows)", "ms",
                        analyst.perQuery().get(i)));
            }
        }
        ResultsReport report = new ResultsReport(s, data, n, LocalDate.now(VietnamTime.ZONE), repository, province,
                results, check, heap, commandLine(s));
        Path[] written = report.write(out.toAbsolutePath());
        progress("results: " + written[0] + " and " + written[1]);
        System.out.print(Files.readString(written[0], StandardCharsets.UTF_8));
        return 0;
    }

    private Map<String, String> env(Path home, Path inbox) {
        Map<String, String> env = new HashMap<>();
        env.put("CDHT_HOME", home.toString());
        env.put("CDHT_INGEST_INBOX", inbox.toString());
        env.put("CDHT_PSEUDONYM_SECRET", SECRET);
        env.put("CDHT_CONFIG", "");
        return env;
    }

    /** Night after night, a batch of its own (IncrementalBatch.Variant.night), each run timed by its stages. */
    private List<Double> nightly(BenchScale s, DataSet data, ChildJvm cdht, Path home, Path inbox, Path workDir) throws IOException {
        List<Double> seconds = new ArrayList<>();
        for (int night = 1; night <= nightly; night++) {
            for (Slice slice : s.slices()) {
                Path batch = data.variant("night-" + night, slice, IncrementalBatch.Variant.night(night));
                Files.createSymbolicLink(inbox.resolve(String.format("4-night-%03d-%s", night, slice.folder())), batch);
            }
            progress("night " + night + "/" + nightly);
            Map<String, List<Double>> one = new HashMap<>();
            refresh(cdht, home, workDir.resolve("logs/night-" + s + "-" + night + ".log"), data.incrementalRows(), one);
            seconds.add(one.get("stages ingest → publish").get(0));
            if (night % 7 == 0) {
                // as the schedule does (schedule.maintain.cron: weekly)
                ChildJvm.Outcome o = cdht.run(workDir.resolve("logs/maintain-" + s + "-" + night + ".log"), "maintain");
                progress(String.format("  cdht maintain after night %d: %.1f s", night, o.seconds()));
            }
        }
        return seconds;
    }

    /** The commune with the most accounts in an export's tai_khoan.csv. */
    private static String largestCommune(Path export) throws IOException {
        Map<String, Integer> count = new HashMap<>();
        try (var lines = Files.lines(export.resolve("tai_khoan.csv"), StandardCharsets.UTF_8)) {
            var it = lines.iterator();
            List<String> header = List.of(it.next().split(",", -1));
            int col = header.indexOf("Mã xã");
            it.forEachRemaining(l -> {
                String[] f = l.split(",", -1);
                if (f.length > col) {
                    count.merge(f[col], 1, Integer::sum);
                }
            });
        }
        return count.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** One {@code cdht run --until publish}: process wall time, stage times from the control database, peaks. */
    private void refresh(ChildJvm cdht, Path home, Path log, long rows, Map<String, List<Double>> into) {
        ChildJvm.Outcome o = cdht.run(log, "run", "--until", "publish");
        ControlDatabase control = new ControlDatabase(new ControlDatabaseSettings("jdbc:sqlite:" + home.resolve("control.db"), null, null));
        RunLedger ledger = new RunLedger(control);
        RunLedger.RunRecord run = ledger.runs("run", 1).get(0);
        double stages = 0;
        for (RunLedger.StageRecord st : ledger.stages(run.id())) {
            double sec = java.time.Duration.between(st.startedAt(), st.endedAt()).toMillis() / 1000.0;
            into.computeIfAbsent("stage " + st.stage(), k -> new ArrayList<>()).add(sec);
            stages += sec;
        }
        into.computeIfAbsent("stages ingest → publish", k -> new ArrayList<>()).add(stages);
        into.computeIfAbsent("process wall (with JVM and Spark start)", k -> new ArrayList<>()).add(o.seconds());
        into.computeIfAbsent("rows/s (source rows ÷ stage time)", k -> new ArrayList<>()).add(rows / stages);
        into.computeIfAbsent("peak heap used (before a GC)", k -> new ArrayList<>()).add(o.heapPeakBytes() / 1e9);
        into.computeIfAbsent("peak RSS", k -> new ArrayList<>()).add(o.rssPeakBytes() / 1e9);
        progress(String.format("  %.1f s (stages %.1f s), heap peak %.2f GB, RSS peak %.2f GB", o.seconds(), stages,
                o.heapPeakBytes() / 1e9, o.rssPeakBytes() / 1e9));
    }

    private static void addRefresh(List<Measurement> results, String section, Map<String, List<Double>> values) {
        for (String name : List.of("stage ingest", "stage indicators", "stage publish", "stage maintain", "stages ingest → publish",
                "process wall (with JVM and Spark start)", "rows/s (source rows ÷ stage time)", "peak heap used (before a GC)", "peak RSS")) {
            List<Double> v = values.get(name);
            if (v != null) {
                String unit = name.startsWith("peak") ? "GB" : name.startsWith("rows/s") ? "rows/s" : "s";
                results.add(new Measurement(section, name, unit, v));
            }
        }
    }

    /** The command that reproduces this run (scratch and output folders left out). */
    private String commandLine(BenchScale s) {
        StringBuilder b = new StringBuilder("bench/run.sh --scale ").append(s);
        if (repeat != null) {
            b.append(" --repeat ").append(repeat);
        }
        if (!DEFAULT_HEAP.equals(heap)) {
            b.append(" --heap ").append(heap);
        }
        if (!skip.isEmpty()) {
            b.append(" --skip ").append(String.join(",", skip));
        }
        return b.toString();
    }

    /** The province with the most communes on the 2025 geography among those with data. */
    private static String largestProvince(Path analyst) {
        try (AnalystQuery q = AnalystQuery.open(analyst)) {
            return String.valueOf(q.query(AnalystLatency.LARGEST_PROVINCE).rows().get(0).get(0));
        }
    }

    private void bulletins(BenchScale s, int n, Path workDir, Path home, String province, List<Measurement> results)
            throws IOException {
        Map<String, String> env = env(home, workDir.resolve("inbox-" + s + "-" + n));
        List<Double> seconds = new ArrayList<>();
        List<Double> perSecond = new ArrayList<>();
        int count = 0;
        for (int r = 1; r <= n; r++) {
            Path folder = workDir.resolve("bulletins-" + s + "-" + r);
            DataSet.deleteTree(folder);
            progress("repetition " + r + "/" + n + ": every commune bulletin of province " + province
                    + " (cdht bulletin --kind commune --all, its own JVM)");
            ChildJvm.Outcome o = new ChildJvm(repository, heap, env, Bench::progress).run(
                    workDir.resolve("logs/bulletins-" + s + "-" + r + ".log"),
                    "bulletin", "--kind", "commune", "--scope", province, "--all", "--out", folder.toString());
            try (var files = Files.list(folder)) {
                count = (int) files.filter(f -> f.toString().endsWith(".pdf")).count();
            }
            seconds.add(o.seconds());
            perSecond.add(count / o.seconds());
        }
        results.add(new Measurement("bulletins", "every commune bulletin of " + province + " (" + count
                + " PDFs, command wall time)", "s", seconds));
        results.add(new Measurement("bulletins", "commune bulletins per second", "reports/s", perSecond));

        progress("provincial bulletin of " + province + ": once cold, then 5 times in the same JVM");
        Path folder = workDir.resolve("bulletins-" + s + "-province");
        List<Double> warm = new ArrayList<>();
        double cold = 0;
        for (int r = 0; r <= 5; r++) {
            long t0 = System.nanoTime();
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int code = Cdht.run(new String[] {"bulletin", "--kind", "province", "--scope", province, "--out", folder.toString()},
                    env, new PrintWriter(o), new PrintWriter(e));
            if (code != 0) {
                throw new IllegalStateException("cdht bulletin --kind province failed: " + e);
            }
            double sec = (System.nanoTime() - t0) / 1e9;
            if (r == 0) {
                cold = sec;
            } else {
                warm.add(sec);
            }
        }
        results.add(Measurement.of("bulletins", "provincial bulletin of " + province + ", first in a new JVM", "s", cold));
        results.add(new Measurement("bulletins", "provincial bulletin of " + province + ", JVM warm", "s", warm));
    }

    static void progress(String message) {
        System.err.println("[bench] " + message);
    }
}
