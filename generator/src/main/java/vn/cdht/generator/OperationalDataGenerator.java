package vn.cdht.generator;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import vn.cdht.warehouse.rules.AchievementRules;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * Generates a realistic, deterministic operational export (or database) for a real province on the real geography:
 * units, accounts, self-assessments, recognitions and eligible population, commune by commune, written as they are
 * made, nothing dated after the spec's as-of day. The same spec gives the same bytes.
 */
public final class OperationalDataGenerator {

    private final Geography geography;
    private final AchievementRules rules;
    private final Consumer<String> progress;

    public OperationalDataGenerator(Consumer<String> progress) {
        this(Geography.load(), AchievementRules.bundled(), progress);
    }

    public OperationalDataGenerator(Geography geography, AchievementRules rules, Consumer<String> progress) {
        this.geography = geography;
        this.rules = rules;
        this.progress = progress == null ? m -> { } : progress;
    }

    public Geography geography() {
        return geography;
    }

    public GenerationResult generate(GeneratorSpec spec) throws IOException {
        long started = System.nanoTime();
        ProvinceArea area = ProvinceArea.resolve(spec.provinceCode(), geography);
        Locator locator = new Locator(geography, spec.seed());
        DirtReport report = new DirtReport();
        DirtInjector dirt = spec.dirtyRate() > 0 && spec.jdbc().isEmpty()
                ? new DirtInjector(spec.dirtyRate(), spec.seed(), locator, report) : null;
        Counting counting;
        ExportSink export = null;
        RowSink target;
        if (spec.jdbc().isPresent()) {
            GeneratorSpec.JdbcTarget db = spec.jdbc().get();
            PostgresLoader loader;
            try {
                loader = new PostgresLoader(db.url(), db.user(), db.password());
            } catch (SQLException e) {
                throw new IOException("cannot connect to " + db.url() + ": " + e.getMessage(), e);
            }
            if (spec.outDir() != null) {
                export = new ExportSink(spec.outDir(), OutputFormat.CSV, EnumSet.of(SourceEntity.POPULATION), null,
                        report, spec.seed(), area.name(), spec.end().toLocalDate());
            }
            target = export == null ? loader : new Tee(loader, export);
        } else {
            export = new ExportSink(spec.outDir(), spec.format(), EnumSet.allOf(SourceEntity.class), dirt, report,
                    spec.seed(), area.name(), spec.end().toLocalDate());
            target = export;
        }
        counting = new Counting(target);
        progress.accept("Generating " + area.name() + " (" + String.join(", ", area.oldProvinces()) + "), "
                + area.communes().size() + " communes, " + spec.fromYear() + "-" + spec.toYear() + " as of "
                + spec.asOf() + ", scale " + spec.scale() + ", seed " + spec.seed());
        try (RowSink sink = counting) {
            Map<String, Long> base = population(spec, area, sink);
            CampaignCalendar calendar = new CampaignCalendar(spec.fromYear(), spec.end());
            UnitGenerator units = new UnitGenerator(spec.seed(), spec.scale(), calendar, locator);
            CitizenGenerator citizens = new CitizenGenerator(spec.seed(), spec.fromYear(), spec.toYear(), calendar,
                    locator, rules);
            String district = null;
            for (Map.Entry<String, List<Unit>> place : units.units(area, base).entrySet()) {
                String key = geography.oldCommune(place.getKey())
                        .map(c -> c.provinceCode() + "/" + c.districtCode()).orElse("2025");
                if (!key.equals(district) && district != null) {
                    progress.accept("  " + district + " done: " + counting.counts.get(SourceEntity.ACCOUNTS) + " accounts so far");
                }
                district = key;
                int[] sequence = {0};
                for (Unit u : place.getValue()) {
                    sink.unit(u.row(), u);
                    citizens.members(u, sequence, sink);
                }
            }
        }
        Map<SourceEntity, Long> written = export == null ? new EnumMap<>(SourceEntity.class) : export.written();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        progress.accept("Done in " + elapsed.toMillis() + " ms: " + counting.counts);
        return new GenerationResult(area.name(), area.oldProvinces(), area.communes().size(), counting.counts, written,
                counting.scoreRows, report, elapsed);
    }

    /**
     * Writes {@code dan_so} and returns each old commune's eligible adults at scale 1. Years up to 2024 on old codes;
     * from 2025 on new codes, summed over the old communes that went into each (a split commune's people shared
     * equally among its receiving communes).
     */
    private Map<String, Long> population(GeneratorSpec spec, ProvinceArea area, RowSink sink) throws IOException {
        Map<String, Long> base = new TreeMap<>();
        for (OldCommune c : area.communes()) {
            base.put(c.code(), eligibleAtScaleOne(spec.seed(), c));
        }
        for (int year = spec.fromYear(); year <= spec.toYear(); year++) {
            Map<String, Long> byCode = new TreeMap<>();
            for (OldCommune c : area.communes()) {
                long eligible = eligible(base.get(c.code()), year, spec.scale());
                if (year <= 2024) {
                    byCode.merge(c.code(), eligible, Long::sum);
                } else {
                    List<String> targets = geography.successors(c.code());
                    for (int i = 0; i < targets.size(); i++) {
                        long share = eligible / targets.size() + (i < eligible % targets.size() ? 1 : 0);
                        byCode.merge(targets.get(i), share, Long::sum);
                    }
                }
            }
            for (Map.Entry<String, Long> e : byCode.entrySet()) {
                sink.population(new PopulationRow(year, e.getKey(), e.getValue()));
            }
        }
        return base;
    }

    /** Adults in a commune at scale 1: a phường is larger than a thị trấn, which is larger than a xã. */
    static long eligibleAtScaleOne(long seed, OldCommune c) {
        SplittableRandom r = Seeds.random(seed, "population", c.code());
        double low = c.urban() ? 8000 : "Thị trấn".equals(c.type()) ? 5000 : 3000;
        double high = c.urban() ? 25000 : "Thị trấn".equals(c.type()) ? 15000 : 12000;
        return Math.round(Math.exp(Math.log(low) + r.nextDouble() * (Math.log(high) - Math.log(low))));
    }

    static long eligible(long atScaleOne, int year, double scale) {
        return Math.max(1, Math.round(atScaleOne * (1 + 0.006 * (year - 2023)) * scale));
    }

    /** Counts clean rows on their way to the target. */
    private static final class Counting implements RowSink {
        final Map<SourceEntity, Long> counts = new EnumMap<>(SourceEntity.class);
        final RowSink target;
        long scoreRows;

        Counting(RowSink target) {
            this.target = Objects.requireNonNull(target);
            for (SourceEntity e : SourceEntity.values()) {
                counts.put(e, 0L);
            }
        }

        private void count(SourceEntity e) {
            counts.merge(e, 1L, Long::sum);
        }

        @Override
        public void unit(UnitRow row, Unit unit) throws IOException {
            count(SourceEntity.UNITS);
            target.unit(row, unit);
        }

        @Override
        public void account(AccountRow row, Unit unit) throws IOException {
            count(SourceEntity.ACCOUNTS);
            target.account(row, unit);
        }

        @Override
        public void assessment(AssessmentRow row) throws IOException {
            count(SourceEntity.SELF_ASSESSMENTS);
            scoreRows += row.scores().size();
            target.assessment(row);
        }

        @Override
        public void recognition(RecognitionRow row) throws IOException {
            count(SourceEntity.RECOGNITIONS);
            target.recognition(row);
        }

        @Override
        public void population(PopulationRow row) throws IOException {
            count(SourceEntity.POPULATION);
            target.population(row);
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }

    /** Sends rows to two sinks. */
    private record Tee(RowSink a, RowSink b) implements RowSink {
        @Override
        public void unit(UnitRow row, Unit unit) throws IOException {
            a.unit(row, unit);
            b.unit(row, unit);
        }

        @Override
        public void account(AccountRow row, Unit unit) throws IOException {
            a.account(row, unit);
            b.account(row, unit);
        }

        @Override
        public void assessment(AssessmentRow row) throws IOException {
            a.assessment(row);
            b.assessment(row);
        }

        @Override
        public void recognition(RecognitionRow row) throws IOException {
            a.recognition(row);
            b.recognition(row);
        }

        @Override
        public void population(PopulationRow row) throws IOException {
            a.population(row);
            b.population(row);
        }

        @Override
        public void close() throws IOException {
            try {
                a.close();
            } finally {
                b.close();
            }
        }
    }

}
