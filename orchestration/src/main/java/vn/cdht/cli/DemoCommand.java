package vn.cdht.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.cdht.pipelines.generate.GenerationResult;
import vn.cdht.pipelines.generate.GeneratorSpec;
import vn.cdht.pipelines.generate.OperationalDataGenerator;
import vn.cdht.pipelines.generate.OutputFormat;
import vn.cdht.pipelines.ingest.BatchIngestion;
import vn.cdht.pipelines.ingest.IngestReport;
import vn.cdht.pipelines.source.SourceEntity;
import vn.cdht.reports.Period;
import vn.cdht.reports.ReportFormat;
import vn.cdht.reports.ReportKind;
import vn.cdht.reports.ReportRequest;
import vn.cdht.reports.ReportService;
import vn.cdht.reports.registry.RenderedReport;
import vn.cdht.reports.registry.ReportRegistry;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the main job on the embedded installation (nothing to install).",
                "Under the home folder: migrate the control database, load the reference geography and rules,",
                "generate a realistic sample export for one province (default: Quảng Ngãi, which since 1 July 2025",
                "includes Kon Tum, the provinces of two of the original letters), ingest it, compute the indicators,",
                "publish the analyst DuckDB database, render the provincial bulletin (PDF) and the account statistics",
                "table (PDF and XLSX) under <home>/bulletins, and print the status.",
                "Safe to run again: the same sample is recognised as already ingested."})
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    Cdht root;

    @Option(names = "--province", paramLabel = "CODE", defaultValue = "51",
            description = "Province of the sample (2025 code, or old:NN for a 2024 province; default ${DEFAULT-VALUE}).")
    String province;

    @Option(names = "--scale", paramLabel = "F", defaultValue = "0.01",
            description = "Share of the real population simulated (default ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dirty-rate", paramLabel = "R", defaultValue = "0.01",
            description = "Share of rows with the mess real exports have, to see the quarantine at work (default ${DEFAULT-VALUE}).")
    double dirtyRate;

    @Override
    public Integer call() throws Exception {
        try (CdhtContext ctx = root.context(); HomeLock lock = HomeLock.acquire(ctx, "cdht demo")) {
            var out = ctx.out();
            out.println("== 1/8 Control database");
            out.println("Schema version " + ctx.control().version().orElse("none") + " at " + ctx.control().settings().displayUrl());
            ctx.pseudonymSecret();
            out.println();
            out.println("== 2/8 Reference data");
            ReferenceCommand.loadAndReport(ctx);
            out.println();
            out.println("== 3/8 Sample export");
            Path inbox = ctx.config().home().resolve("inbox").resolve("demo-" + province.replace(':', '-') + "-" + seed);
            LocalDate today = GeneratorSpec.today();
            GenerationResult sample = new OperationalDataGenerator(ctx::progress).generate(new GeneratorSpec(province, 2023,
                    today.getYear(), scale, seed, OutputFormat.CSV, inbox, dirtyRate, Optional.empty(), today));
            out.println("Generated " + sample.areaName() + ", 2023-" + today.getYear() + " as of " + today + ", scale " + scale
                    + ", seed " + seed + ": "
                    + sample.written(SourceEntity.ACCOUNTS) + " accounts, " + sample.written(SourceEntity.UNITS) + " units, "
                    + sample.written(SourceEntity.SELF_ASSESSMENTS) + " self-assessments in " + inbox);
            out.println();
            out.println("== 4/8 Ingestion");
            IngestReport report = new BatchIngestion(ctx.ingestionSpark(), ctx.ingestLedger(), ctx.staging(), ctx::progress).run(inbox);
            IngestCommand.print(ctx, report);
            out.println();
            out.println("== 5/8 Indicators");
            IndicatorsCommand.compute(ctx);
            IndicatorsCommand.printHeadlines(ctx, null, null);
            out.println();
            out.println("== 6/8 Analyst database");
            var published = PublishCommand.publish(ctx, null);
            out.println("Published " + published.tables().size() + " tables (mart, core without personal data, ref) and "
                    + published.views().size() + " Vietnamese-labelled views to " + published.database());
            out.println("Ask it: ./cdht sql \"SELECT * FROM do_phu_tinh\"   (or: duckdb -readonly " + published.database() + ")");
            out.println();
            out.println("== 7/8 Bulletins");
            renderBulletins(ctx);
            out.println();
            out.println("== 8/8 Status");
            StatusCommand.print(ctx);
            return 0;
        }
    }

    /** The leaders' bulletin and the account statistics table of the sample's province, for the last complete month. */
    private void renderBulletins(CdhtContext ctx) {
        ReportRegistry registry = new ReportRegistry(ctx.control());
        ReportService service = BulletinCommand.service(ctx, registry, null);
        Period period = service.defaultPeriod("2025");
        String scope = province.startsWith("old:") ? province.substring(4) : province;
        String geography = province.startsWith("old:") ? "2024" : "2025";
        List<RenderedReport> rendered = new ArrayList<>();
        for (ReportKind kind : List.of(ReportKind.PROVINCE, ReportKind.STATS_TABLE)) {
            for (ReportFormat format : kind.formats()) {
                rendered.addAll(BulletinCommand.render(ctx, service,
                        new ReportRequest(kind, scope, period, format, geography, false, null)));
            }
        }
        BulletinCommand.print(ctx, rendered);
        ctx.out().println("Open them: " + rendered.get(0).file().getParent()
                + "   (more: ./cdht bulletin --help; ./cdht bulletin --kind commune --scope " + scope + " --all)");
    }
}
