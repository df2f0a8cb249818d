package vn.cdht.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes the results of one benchmark run as {@code <date>-<scale>.md} (a readable table) and {@code .csv}. */
record ResultsReport(BenchScale scale, DataSet data, int repetitions, LocalDate date, Path repository, String province,
                     List<Measurement> results, Baseline.Result check, String heap, String command) {


    Path[] write(Path folder) throws IOException {
        Files.createDirectories(folder);
        String stem = date + "-" + scale;
        Path md = folder.resolve(stem + ".md");
        Path csv = folder.resolve(stem + ".csv");
        Files.writeString(md, markdown(), StandardCharsets.UTF_8);
        Files.writeString(csv, csv(), StandardCharsets.UTF_8);
        return new Path[] {md, csv};
    }

    private String csv() {
        StringBuilder b = new StringBuilder("date,scale,section,measure,unit,n,median,min,max\n");
        for (Measurement m : results) {
            b.append(String.join(",", date.toString(), scale.name(), quote(m.section()), quote(m.name()), m.unit(),
                    String.valueOf(m.samples().size()), number(m.median()), number(m.min()), number(m.max()))).append('\n');
        }
        return b.toString();
    }

    private String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# cdht benchmark, scale ").append(scale).append(", ").append(date).append("\n\n");
        b.append("Data: ").append(scale.description()).append("; ")
                .append(scale.slices().stream().map(s -> "`cdht generate --province " + s.province() + " --scale " + s.scale()
                        + " --seed " + DataSet.SEED + "`").collect(Collectors.joining(" + "))).append(", clean, ")
                .append(DataSet.FROM_YEAR).append("-").append(DataSet.TO_YEAR).append(".\n\n");
        b.append(String.format(Locale.ROOT, "Full export: %,d rows (", data.fullRowCount()));
        b.append(data.fullRows().entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey().table(), e.getValue()))
                .collect(Collectors.joining(", ")));
        b.append(String.format(Locale.ROOT, "). Incremental batch: %,d rows.%n%n", data.incrementalRows()));
        b.append("Machine: ").append(Machine.describe()).append(". Measured cdht JVMs: -Xmx").append(heap)
                .append(", Spark local[*].\n\n");
        b.append("Versions: ").append(Machine.versions(repository)).append(".\n\n");
        b.append("Command: `").append(command).append("`; ").append(repetitions)
                .append(" repetition(s): median, and min–max over the repetitions.\n\n");
        b.append("| section | measure | median | min | max | unit | n |\n|---|---|---:|---:|---:|---|---:|\n");
        for (Measurement m : results) {
            b.append("| ").append(m.section()).append(" | ").append(m.name()).append(" | ").append(number(m.median()))
                    .append(" | ").append(number(m.min())).append(" | ").append(number(m.max())).append(" | ")
                    .append(m.unit()).append(" | ").append(m.samples().size()).append(" |\n");
        }
        b.append("\n## Ratios and goals\n\n");
        b.append("| goal | figure | met |\n|---|---|---|\n");
        Optional<Measurement> full = find("full refresh", "stages ingest → publish");
        Optional<Measurement> incr = find("incremental refresh", "stages ingest → publish");
        Optional<Measurement> base = find("baseline", "DuckDB-only coverage + criteria from the CSVs");
        // the goals of issue 15 (full refresh) and 17 (incremental); the time goal is set for XS and M only
        Optional<Integer> fullGoal = switch (scale) {
            case XS -> Optional.of(30);
            case M -> Optional.of(240);
            default -> Optional.empty();
        };
        if (full.isPresent() && fullGoal.isPresent()) {
            double s = full.get().median();
            b.append(goal("full refresh ≤ " + fullGoal.get() + " s (stages; at M with `--heap 4g`)",
                    String.format(Locale.ROOT, "%.1f s", s), s <= fullGoal.get()));
        }
        if (full.isPresent() && base.isPresent()) {
            double ratio = full.get().median() / base.get().median();
            b.append(goal("full refresh ≤ 5× the DuckDB-only baseline",
                    String.format(Locale.ROOT, "%.1f s / %.1f s = %.1f×", full.get().median(), base.get().median(), ratio),
                    ratio <= 5));
        }
        if (full.isPresent() && incr.isPresent()) {
            double share = incr.get().median() / full.get().median();
            b.append(goal("incremental ≤ 15% of full", String.format(Locale.ROOT, "%.1f s / %.1f s = %.0f%%",
                    incr.get().median(), full.get().median(), share * 100), share <= 0.15));
        }
        incr.ifPresent(m -> b.append(goal("incremental ≤ 60 s (goal set for M)", String.format(Locale.ROOT, "%.1f s", m.median()),
                m.median() <= 60)));
        find("batch of one commune", "stages ingest → publish").ifPresent(m -> b.append(goal(
                "a batch of one commune ≤ 20 s (goal set for M)", String.format(Locale.ROOT, "%.1f s", m.median()), m.median() <= 20)));
        find("rerun with nothing new", "stages ingest → publish").ifPresent(m -> b.append(goal(
                "a rerun with nothing new ≤ 10 s", String.format(Locale.ROOT, "%.1f s", m.median()), m.median() <= 10)));
        find("nightly batches", "last night ÷ first night").ifPresent(m -> b.append(goal(
                "no drift: the last nightly batch ≤ 1.2× the first", String.format(Locale.ROOT, "%.2f×", m.median()),
                m.median() <= 1.2)));
        results.stream().filter(m -> m.section().equals("bulletins") && m.name().startsWith("every commune")).findFirst()
                .ifPresent(m -> b.append(goal("every commune bulletin of the largest province ≤ 20 s",
                        String.format(Locale.ROOT, "%.1f s", m.median()), m.median() <= 20)));
        results.stream().filter(m -> m.section().equals("bulletins") && m.name().endsWith("JVM warm")).findFirst()
                .ifPresent(m -> b.append(goal("provincial bulletin ≤ 2 s, JVM warm",
                        String.format(Locale.ROOT, "%.2f s", m.median()), m.median() <= 2)));
        find("analyst queries", "p95 over all queries").ifPresent(m -> b.append(goal("analyst queries p95 ≤ 200 ms",
                String.format(Locale.ROOT, "%.1f ms", m.median()), m.median() <= 200)));
        if (check != null) {
            b.append(goal("the baseline's figures equal cdht's (coverage and criteria)", String.format(Locale.ROOT,
                    "coverage %,d rows, %d differ; criteria %,d rows, %d differ", check.coverage().martRows(),
                    check.coverage().missing() + check.coverage().extra() + check.coverage().differing(),
                    check.criteria().martRows(),
                    check.criteria().missing() + check.criteria().extra() + check.criteria().differing()), check.matches()));
        }
        b.append("\nCost per source row of each stage (for the comparison across scales in bench/README.md):\n\n");
        b.append("| stage | full: µs per row | incremental: µs per row |\n|---|---:|---:|\n");
        for (String stage : List.of("stage ingest", "stage indicators", "stage publish", "stages ingest → publish")) {
            b.append("| ").append(stage).append(" | ")
                    .append(find("full refresh", stage).map(m -> number(m.median() * 1e6 / data.fullRowCount())).orElse(""))
                    .append(" | ")
                    .append(find("incremental refresh", stage).map(m -> number(m.median() * 1e6 / Math.max(1, data.incrementalRows())))
                            .orElse(""))
                    .append(" |\n");
        }
        return b.toString();
    }

    private Optional<Measurement> find(String section, String name) {
        return results.stream().filter(m -> m.section().equals(section) && m.name().equals(name)).findFirst();
    }

    private static String goal(String goal, String figure, boolean met) {
        return "| " + goal + " | " + figure + " | " + (met ? "yes" : "**no**") + " |\n";
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
