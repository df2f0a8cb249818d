package vn.cdht.cli;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.cdht.orchestration.pipeline.PipelineRun;
import vn.cdht.orchestration.pipeline.PipelineStage;
import vn.cdht.orchestration.pipeline.RunOutcome;
import vn.cdht.orchestration.pipeline.RunRequest;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the pipeline, stage by stage: ingest → indicators → publish → bulletins → deliver → maintain.",
                "ingest: every new batch (folder or .zip) of the inbox (ingest.inbox, default <home>/inbox) and, if",
                "ingest.jdbc.url is set, the operational database incrementally; indicators: the marts whose inputs",
                "changed; publish: the analyst database; bulletins: the provincial bulletin and statistics table of every",
                "province with registrations, and what subscriptions ask for at their own scope; deliver: e-mail (when",
                "mail.host is set); maintain: table upkeep as cdht maintain does it. Every run and stage is recorded",
                "(cdht runs). A lock in the control database refuses",
                "a second run at the same time; a lock left by a process that died is taken over. After a failed or",
                "killed run, the next run resumes at the stage that did not finish."},
        footer = {"", "Examples:",
                "  cdht run",
                "  cdht run --period 2026-10 --from bulletins",
                "  cdht run --only indicators --spark-master spark://spark-master.internal:7077",
                "  cdht runs"})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    Cdht root;

    @Option(names = "--period", paramLabel = "yyyy-MM",
            description = "The month of the bulletins (default: the last complete month with figures).")
    String period;

    @Option(names = "--from", paramLabel = "STAGE", description = "Start at this stage: ingest, indicators, publish, bulletins, deliver, maintain.")
    String from;

    @Option(names = "--only", paramLabel = "STAGE", description = "Run this stage only.")
    String only;

    @Option(names = "--until", paramLabel = "STAGE", description = "Stop after this stage.")
    String until;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "Run the Spark stages on this cluster (spark://HOST:PORT, yarn, k8s://...) instead of spark.master.")
    String sparkMaster;

    @Override
    public Integer call() {
        if (from != null && only != null) {
            throw new IllegalArgumentException("give --from or --only, not both");
        }
        RunRequest request = new RunRequest("manual", month(), from == null ? null : PipelineStage.of(from),
                only == null ? null : PipelineStage.of(only), until == null ? null : PipelineStage.of(until));
        Map<String, String> overrides = new HashMap<>();
        if (sparkMaster != null) {
            overrides.put("CDHT_SPARK_MASTER", sparkMaster);
        }
        try (CdhtContext ctx = root.context(overrides)) {
            RunOutcome outcome = new PipelineRun(ctx.installation(), new StagePrinter(ctx)).run(request);
            RunsCommand.printRun(ctx, outcome.runId());
            switch (outcome.status()) {
                case "succeeded" -> ctx.out().println("Run " + outcome.runId() + " succeeded: " + outcome.message() + ".");
                case "rejected" -> {
                    ctx.out().println("Run " + outcome.runId() + " done: " + outcome.message() + ".");
                    ctx.out().flush();
                    ctx.err().println("cdht run: a file was rejected (exit code " + ExitCodes.REJECTED + "); cdht batches shows which");
                    ctx.err().flush();
                    return ExitCodes.REJECTED;
                }
                case "refused" -> throw new IllegalStateException("refused: " + outcome.message());
                default -> throw new IllegalStateException("run " + outcome.runId() + " failed: " + outcome.message());
            }
            ctx.out().flush();
            return ExitCodes.OK;
        }
    }

    private YearMonth month() {
        if (period == null) {
            return null;
        }
        try {
            return YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--period must be a month as yyyy-MM, e.g. 2026-10, not '" + period + "'");
        }
    }
}
