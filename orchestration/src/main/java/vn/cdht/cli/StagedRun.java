package vn.cdht.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import vn.cdht.orchestration.pipeline.PipelineRunner;
import vn.cdht.orchestration.pipeline.PipelineStage;
import vn.cdht.orchestration.pipeline.RunOutcome;
import vn.cdht.orchestration.pipeline.RunRequest;
import vn.cdht.pipelines.indicators.IndicatorsJob;
import vn.cdht.pipelines.ingest.BatchIngestion;
import vn.cdht.pipelines.ingest.DatabaseIngestion;
import vn.cdht.pipelines.ingest.IngestReport;
import vn.cdht.pipelines.ingest.JdbcSource;
import vn.cdht.pipelines.source.files.SourceFileException;
import vn.cdht.pipelines.source.files.ExtractionLimits;
import vn.cdht.reports.Period;
import vn.cdht.reports.ReportData;
import vn.cdht.reports.ReportFormat;
import vn.cdht.reports.ReportKind;
import vn.cdht.reports.ReportRequest;
import vn.cdht.reports.ReportService;
import vn.cdht.reports.delivery.Deliverer;
import vn.cdht.reports.delivery.DeliveryLedger;
import vn.cdht.reports.delivery.DeliveryRun;
import vn.cdht.reports.delivery.MailSettings;
import vn.cdht.reports.delivery.ReportMailer;
import vn.cdht.reports.delivery.Subscription;
import vn.cdht.reports.delivery.Subscriptions;
import vn.cdht.reports.registry.RenderedReport;
import vn.cdht.reports.registry.ReportRegistry;
import vn.cdht.warehouse.config.ConfigException;
import vn.cdht.warehouse.control.RunLedger;
import vn.cdht.warehouse.control.RunStatus;

/**
 * One pipeline run, stage by stage (ingest → indicators → publish → bulletins → deliver), recorded in the control
 * database, under the run lock. After a failed (or killed) run, the next run without --from / --only starts again at
 * the stage that did not finish: the earlier stages' results are in the warehouse already.
 */
final class StagedRun implements PipelineRunner {

    static final String COMMAND = "run";

    /** What a stage did: rows it wrote or sent, snapshot ids or a note, and whether it was skipped. */
    private record StageResult(long rows, String detail, boolean skipped) {
    }

    private final CdhtContext ctx;
    /** The process environment, for the secrets configuration names (passwords in variables). */
    private final Map<String, String> env;
    /** Files refused whole by this run's ingestion: the run goes on, and ends "rejected" (exit code 3). */
    private final List<String> rejections = new ArrayList<>();

    StagedRun(CdhtContext ctx, Map<String, String> env) {
        this.ctx = ctx;
        this.env = env;
    }

    @Override
    public RunOutcome run(RunRequest request) {
        RunLedger runs = new RunLedger(ctx.control());
        HomeLock lock;
        try {
            lock = HomeLock.acquire(ctx, "cdht run");
        } catch (HomeLock.Refused e) {
            return new RunOutcome(null, "refused", e.getMessage());
        }
        try (lock) {
            List<PipelineStage> stages = stages(request, runs);
            String period = request.period() == null ? null : request.period().toString();
            long runId = runs.startRun(COMMAND, period);
            lock.attach(runId);
            ctx.progress("run " + runId + ": " + String.join(" → ", stages.stream().map(PipelineStage::code).toList()));
            for (int i = 0; i < stages.size(); i++) {
                PipelineStage stage = stages.get(i);
                ctx.progress("stage " + (i + 1) + "/" + stages.size() + ": " + stage.code());
                long stageId = runs.startStage(runId, stage.code());
                try {
                    StageResult r = execute(stage, request);
                    runs.finishStage(stageId, r.skipped() ? RunStatus.SKIPPED : RunStatus.SUCCEEDED, r.rows(), r.detail(), null);
                } catch (RuntimeException e) {
                    String message = OneLineErrors.message(e);
                    runs.finishStage(stageId, RunStatus.FAILED, null, null, message);
                    runs.finishRun(runId, RunStatus.FAILED, stage.code() + ": " + message);
                    return new RunOutcome(runId, "failed", "stage " + stage.code() + " failed: " + message
                            + " (fix it, then cdht run resumes from this stage)");
                }
            }
            if (!rejections.isEmpty()) {
                String message = rejections.size() + " file(s) rejected, their rows are not ingested (first: "
                        + rejections.get(0) + "); deliver them corrected as a new batch";
                runs.finishRun(runId, RunStatus.SUCCEEDED, message);
                return new RunOutcome(runId, "rejected", stages.size() + " stage(s) done, but " + message);
            }
            runs.finishRun(runId, RunStatus.SUCCEEDED, null);
            return new RunOutcome(runId, "succeeded", stages.size() + " stage(s) done");
        }
    }

    /** The stages to run: --only; else from --from, or the unfinished stage of a failed last run; up to --until. */
    private List<PipelineStage> stages(RunRequest request, RunLedger runs) {
        return stagesFrom(request, runs).stream()
                .filter(s -> request.until() == null || s.ordinal() <= request.until().ordinal()).toList();
    }

    private List<PipelineStage> stagesFrom(RunRequest request, RunLedger runs) {
        if (request.only() != null) {
            return List.of(request.only());
        }
        if (request.from() != null) {
            return request.from().andAfter();
        }
        Optional<RunLedger.RunRecord> last = runs.runs(COMMAND, 1).stream().findFirst();
        if (last.isEmpty()) {
            return List.of(PipelineStage.values());
        }
        RunLedger.RunRecord run = last.get();
        if (run.status().equals(RunStatus.RUNNING.code())) {
            // we hold the lock: whoever was running it is gone
            runs.abandon(run.id(), "the process running it stopped before the end (its lock was taken over)");
            ctx.progress("run " + run.id() + " was left unfinished by a process that stopped: marked failed");
        } else if (!run.status().equals(RunStatus.FAILED.code())) {
            return List.of(PipelineStage.values());
        }
        List<RunLedger.StageRecord> done = runs.stages(run.id());
        Set<String> finished = new LinkedHashSet<>();
        for (RunLedger.StageRecord s : done) {
            if (!s.status().equals(RunStatus.FAILED.code()) && !s.status().equals(RunStatus.RUNNING.code())) {
                finished.add(s.stage());
            }
        }
        for (PipelineStage s : PipelineStage.values()) {
            if (done.stream().anyMatch(d -> d.stage().equals(s.code())) && !finished.contains(s.code())) {
                ctx.progress("resuming run " + run.id() + " from its unfinished stage " + s.code());
                return s.andAfter();
            }
        }
        return List.of(PipelineStage.values());
    }

    private StageResult execute(PipelineStage stage, RunRequest request) {
        return switch (stage) {
            case INGEST -> ingest();
            case INDICATORS -> indicators();
            case PUBLISH -> publish();
            case BULLETINS -> bulletins(request.period());
            case DELIVER -> deliver(request.period());
        };
    }

    private StageResult ingest() {
        Path inbox = Path.of(ctx.config().get("ingest.inbox", ctx.config().home().resolve("inbox").toString()));
        long accepted = 0;
        List<String> batches = new ArrayList<>();
        for (Path batch : batchesIn(inbox)) {
            IngestReport report;
            try {
                report = new BatchIngestion(ctx.ingestionSpark(), ctx.ingestLedger(), ctx.staging(), ctx::progress,
                        ExtractionLimits.from(ctx.config())).run(batch);
            } catch (SourceFileException refused) {
                // one refused batch (a zip over a limit) must not keep the rest of the inbox out
                ctx.progress("batch " + batch.getFileName() + " refused, nothing of it ingested: " + refused.getMessage());
                rejections.add(refused.getMessage());
                continue;
            }
            if (report.outcome() == IngestReport.Outcome.INGESTED) {
                IngestCommand.print(ctx, report);
                accepted += report.rowsAccepted();
                batches.add(report.batchId());
            } else if (!report.rejectedFiles().isEmpty()) {
                ctx.progress("batch " + report.batchId() + " (" + batch.getFileName() + ") was ingested before, but "
                        + report.rejectedFiles().size() + " of its files were rejected: deliver them corrected as a new"
                        + " batch, then move this one out of the inbox");
            }
            // a rejection stands as long as its batch is in the inbox, so that a retried or nightly run still says so
            report.rejectedFiles().forEach(f -> rejections.add(f.message()));
        }
        String url = ctx.config().get("ingest.jdbc.url", "");
        if (!url.isBlank()) {
            String passwordEnv = ctx.config().get("ingest.jdbc.password-env", "");
            String password = passwordEnv.isBlank() ? null : env.get(passwordEnv);
            if (!passwordEnv.isBlank() && password == null) {
                throw new ConfigException("the environment variable " + passwordEnv + " (ingest.jdbc.password-env) is not set");
            }
            IngestReport report = new DatabaseIngestion(ctx.ingestionSpark(), ctx.ingestLedger(), ctx.staging(),
                    Duration.ofMinutes(ctx.config().getInt("ingest.jdbc.overlap-minutes", 10)),
                    ctx.config().getInt("ingest.jdbc.fetch-size", 5000), ctx::progress)
                    .run(new JdbcSource(url, ctx.config().get("ingest.jdbc.user", null), password));
            IngestCommand.print(ctx, report);
            accepted += report.rowsAccepted();
            batches.add(report.batchId());
        }
        String detail = batches.isEmpty() ? "nothing new" : String.join(",", batches);
        return new StageResult(accepted, rejections.isEmpty() ? detail : detail + "; " + rejections.size() + " file(s) rejected", false);
    }

    /** The folders and .zip files directly in the inbox, in name order. */
    private static List<Path> batchesIn(Path inbox) {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(inbox)) {
            return entries.filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".zip")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the inbox " + inbox + ": " + e.getMessage(), e);
        }
    }

    private StageResult indicators() {
        List<IndicatorsJob.MartResult> results = IndicatorsCommand.compute(ctx);
        long rows = results.stream().filter(r -> !r.unchanged()).mapToLong(IndicatorsJob.MartResult::rows).sum();
        return new StageResult(rows, String.join(",", results.stream().map(r -> r.mart() + "=" + r.snapshotId()).toList()), false);
    }

    private StageResult publish() {
        var result = PublishCommand.publish(ctx, null);
        long rows = result.tables().stream().mapToLong(t -> t.rows()).sum();
        return new StageResult(rows, result.database().toString(), false);
    }

    /**
     * The provincial bulletin and the statistics table (PDF and XLSX) of every province with registrations in the
     * period, and whatever the subscriptions ask for at their own scope (commune bulletins, unit reports, unit lists).
     */
    private StageResult bulletins(YearMonth month) {
        ReportRegistry registry = new ReportRegistry(ctx.control());
        ReportService service = BulletinCommand.service(ctx, registry, null);
        Period period = month == null ? service.defaultPeriod("2025") : new Period(month);
        List<ReportRequest> requests = new ArrayList<>();
        for (String province : provincesWithRegistrations(period)) {
            requests.add(new ReportRequest(ReportKind.PROVINCE, province, period, ReportFormat.PDF, null, false, null));
            requests.add(new ReportRequest(ReportKind.STATS_TABLE, province, period, ReportFormat.PDF, null, false, null));
            requests.add(new ReportRequest(ReportKind.STATS_TABLE, province, period, ReportFormat.XLSX, null, false, null));
        }
        for (Subscription s : new Subscriptions(ctx.control()).list()) {
            if (s.scope().equals("*")) {
                continue;
            }
            for (ReportKind kind : s.kinds()) {
                if (kind == ReportKind.COMMUNE || kind == ReportKind.UNIT_REPORT || kind == ReportKind.UNIT_LIST) {
                    requests.add(new ReportRequest(kind, s.scope(), period, ReportFormat.PDF, null, false, null));
                }
            }
        }
        List<RenderedReport> rendered = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ReportRequest r : new LinkedHashSet<>(requests)) {
            try {
                rendered.addAll(service.render(r, null));
            } catch (RuntimeException e) {
                // one bad subscription scope must not keep every other bulletin from its readers
                failures.add(r.kind().code() + " " + r.scope() + ": " + OneLineErrors.message(e));
            }
        }
        BulletinCommand.print(ctx, rendered);
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " report(s) could not be rendered, first " + failures.get(0));
        }
        return new StageResult(rendered.size(), period.code() + ": " + rendered.size() + " reports", false);
    }

    private List<String> provincesWithRegistrations(Period period) {
        String filter = "level = 'province' AND geography = '" + period.defaultGeography() + "' AND as_of_month = '"
                + period.code() + "' AND registered > 0";
        try (ReportData data = ReportData.open(ctx.catalog(), List.of(new ReportData.TableLoad("mart.coverage", filter)), null);
             var st = data.connection().createStatement();
             var rs = st.executeQuery("SELECT DISTINCT province_code FROM mart.coverage ORDER BY 1")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read mart.coverage: " + e.getMessage(), e);
        }
    }

    private StageResult deliver(YearMonth month) {
        if (ctx.config().get("mail.host", "").isBlank()) {
            ctx.progress("deliver: mail.host is not set, nothing sent (see README, Delivery by e-mail)");
            return new StageResult(0, "mail.host not set", true);
        }
        MailSettings settings = MailSettings.from(ctx.config(), env::get);
        DeliveryRun run = new Deliverer(new ReportRegistry(ctx.control()), new Subscriptions(ctx.control()),
                new DeliveryLedger(ctx.control()), new ReportMailer(settings), java.time.Clock.systemUTC())
                .run(month == null ? null : month.toString(), false);
        if (run.gaveUpNow() > 0) {
            throw new IllegalStateException(run.gaveUpNow() + " delivery(ies) given up after the last attempt (cdht deliver shows them)");
        }
        return new StageResult(run.sent(), run.sent() + " sent, " + run.retryLater() + " to retry later", false);
    }
}
