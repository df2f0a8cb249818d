package vn.cdht.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.cdht.generator.GenerationResult;
import vn.cdht.generator.GeneratorSpec;
import vn.cdht.generator.OperationalDataGenerator;
import vn.cdht.generator.OutputFormat;
import vn.cdht.orchestration.app.HomeLock;
import vn.cdht.orchestration.pipeline.BulletinsStage;
import vn.cdht.orchestration.pipeline.IngestStage;
import vn.cdht.orchestration.pipeline.PipelineRun;
import vn.cdht.orchestration.pipeline.PipelineStage;
import vn.cdht.orchestration.pipeline.RunOutcome;
import vn.cdht.orchestration.pipeline.RunRequest;
import vn.cdht.pipelines.indicators.IndicatorsJob;
import vn.cdht.pipelines.ingest.IngestReport;
import vn.cdht.reports.registry.RenderedReport;
import vn.cdht.warehouse.analyst.PublishResult;
import vn.cdht.warehouse.source.SourceEntity;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the main job on the embedded installation (nothing to install).",
                "Under the home folder: migrate the control database, load the reference geography and rules,",
                "generate a realistic sample export for one province (default: Quảng Ngãi, which since 1 July 2025",
                "includes Kon Tum, the provinces of two of the original letters) into the inbox,",
                "then run the pipeline as cdht run does (ingest → indicators → publish → bulletins): the analyst DuckDB",
                "database, the provincial bulletin (PDF) and the account statistics table (PDF and XLSX) under",
                "<home>/bulletins; then print the headline figures and the status.",
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
        try (CdhtContext ctx = root.context()) {
            var out = ctx.out();
            out.println("== 1/5 Control database");
            out.println("Schema version " + ctx.control().version().orElse("none") + " at " + ctx.control().settings().displayUrl());
            ctx.pseudonymSecret();
            out.println();
            out.println("== 2/5 Reference data");
            try (HomeLock lock = ctx.lock("cdht demo")) {
                ReferenceCommand.loadAndReport(ctx);
            }
            out.println();
            out.println("== 3/5 Sample export");
            Path inbox = new IngestStage(ctx.installation()).inbox().resolve("demo-" + province.replace(':', '-') + "-" + seed);
            LocalDate today = GeneratorSpec.today();
            GenerationResult sample = new OperationalDataGenerator(ctx::progress).generate(new GeneratorSpec(province, 2023,
                    today.getYear(), scale, seed, OutputFormat.CSV, inbox, dirtyRate, Optional.empty(), today));
            out.println("Generated " + sample.areaName() + ", 2023-" + today.getYear() + " as of " + today + ", scale " + scale
                    + ", seed " + seed + ": "
                    + sample.written(SourceEntity.ACCOUNTS) + " accounts, " + sample.written(SourceEntity.UNITS) + " units, "
                    + sample.written(SourceEntity.SELF_ASSESSMENTS) + " self-assessments in " + inbox);
            out.println();
            out.println("== 4/5 Pipeline run: " + String.join(" → ", PipelineStage.INGEST.andAfter().stream()
                    .filter(s -> s.ordinal() <= PipelineStage.BULLETINS.ordinal()).map(PipelineStage::code).toList()));
            // from ingest whatever the last run left unfinished: the sample just written must be ingested
            RunOutcome outcome = new PipelineRun(ctx.installation(), new DemoPrinter(ctx, inbox))
                    .run(new RunRequest("manual", null, PipelineStage.INGEST, null, PipelineStage.BULLETINS));
            if (!outcome.succeeded() && !outcome.rejected()) {
                throw new IllegalStateException("the demo's run " + outcome.status() + ": " + outcome.message());
            }
            // what a unit's manager receives: the fix-list of the unit with the most rows to correct (personal data)
            for (RenderedReport fixList : new BulletinsStage(ctx.installation()).sampleFixList()) {
                out.println("Fix-list of unit " + fixList.scope() + " (the most rows to correct; personal data, for its"
                        + " manager only): " + fixList.file());
            }
            out.println();
            out.println("== 5/5 Figures and status");
            IndicatorsCommand.printHeadlines(ctx, null, null);
            out.println("Ask the analyst database: ./cdht sql \"SELECT * FROM do_phu_tinh\"");
            String scope = province.startsWith("old:") ? province.substring(4) : province;
            out.println("More bulletins: ./cdht bulletin --help; ./cdht bulletin --kind commune --scope " + scope + " --all");
            StatusCommand.print(ctx);
            return 0;
        }
    }

    /** What the demo's run did, stage by stage; its own batch is shown even when it was ingested before. */
    private static final class DemoPrinter implements PipelineRun.Listener {

        private final CdhtContext ctx;
        private final StagePrinter stages;
        private final Path sample;

        DemoPrinter(CdhtContext ctx, Path sample) {
            this.ctx = ctx;
            this.stages = new StagePrinter(ctx);
            this.sample = sample;
        }

        @Override
        public void ingested(IngestStage.Result result) {
            for (IngestReport report : result.reports()) {
                if (report.outcome() == IngestReport.Outcome.INGESTED || report.location().endsWith(sample.getFileName().toString())) {
                    IngestCommand.print(ctx, report);
                }
            }
        }

        @Override
        public void computed(List<IndicatorsJob.MartResult> marts) {
            stages.computed(marts);
        }

        @Override
        public void published(PublishResult published) {
            ctx.out().println("Published " + published.tables().size() + " tables (mart, core without personal data, ref) and "
                    + published.views().size() + " Vietnamese-labelled views to " + published.database());
        }

        @Override
        public void rendered(BulletinsStage.Result result) {
            stages.rendered(result);
            if (!result.rendered().isEmpty()) {
                ctx.out().println("Open them: " + result.rendered().get(0).file().getParent());
            }
        }
    }
}
