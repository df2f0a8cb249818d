package vn.cdht.orchestration.pipeline;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.cdht.orchestration.app.ErrorMessages;
import vn.cdht.orchestration.app.HomeLock;
import vn.cdht.orchestration.app.Installation;
import vn.cdht.pipelines.indicators.IndicatorsJob;
import vn.cdht.reports.delivery.DeliveryRun;
import vn.cdht.warehouse.analyst.PublishResult;
import vn.cdht.warehouse.control.RunLedger;
import vn.cdht.warehouse.control.RunStatus;

/**
 * One pipeline run, stage by stage (ingest → indicators → publish → bulletins → deliver → maintain), recorded in the control
 * database, under the home's writer lock. After a failed (or killed) run, the next run without --from / --only starts
 * again at the stage that did not finish: the earlier stages' results are in the warehouse already. What each stage
 * did goes to the {@link Listener} as it ends; the run itself prints nothing.
 */
public final class PipelineRun implements PipelineRunner {

    /** The command name runs are recorded under. */
    public static final String COMMAND = "run";

    /** What each stage did, as it ends: the command line prints it, the scheduler logs nothing more. */
    public interface Listener {

        Listener NONE = new Listener() {
        };

        default void ingested(IngestStage.Result result) {
        }

        default void computed(List<IndicatorsJob.MartResult> marts) {
        }

        default void published(PublishResult result) {
        }

        default void rendered(BulletinsStage.Result result) {
        }

        default void delivered(DeliveryRun run) {
        }

        default void maintained(MaintainStage.Result result) {
        }
    }

    /** What a stage did, for the run ledger: rows it wrote or sent, snapshot ids or a note, and whether it was skipped. */
    private record StageResult(long rows, String detail, boolean skipped) {
    }

    private final Installation app;
    private final Listener listener;
    /** Files refused whole by this run's ingestion: the run goes on, and ends "rejected" (exit code 3). */
    private final List<String> rejections = new ArrayList<>();

    public PipelineRun(Installation app, Listener listener) {
        this.app = app;
        this.listener = listener;
    }

    @Override
    public RunOutcome run(RunRequest request) {
        RunLedger runs = new RunLedger(app.control());
        HomeLock lock;
        try {
            lock = HomeLock.acquire(app, "cdht run");
        } catch (HomeLock.Refused e) {
            return new RunOutcome(null, "refused", e.getMessage());
        }
        try (lock) {
            List<PipelineStage> stages = stages(request, runs);
            String period = request.period() == null ? null : request.period().toString();
            long runId = runs.startRun(COMMAND, period);
            lock.attach(runId);
            app.progress("run " + runId + ": " + String.join(" → ", stages.stream().map(PipelineStage::code).toList()));
            for (int i = 0; i < stages.size(); i++) {
                PipelineStage stage = stages.get(i);
                app.progress("stage " + (i + 1) + "/" + stages.size() + ": " + stage.code());
                long stageId = runs.startStage(runId, stage.code());
                try {
                    StageResult r = execute(stage, request, runId);
                    runs.finishStage(stageId, r.skipped() ? RunStatus.SKIPPED : RunStatus.SUCCEEDED, r.rows(), r.detail(), null);
                } catch (RuntimeException e) {
                    String message = ErrorMessages.oneLine(e);
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
            app.progress("run " + run.id() + " was left unfinished by a process that stopped: marked failed");
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
                app.progress("resuming run " + run.id() + " from its unfinished stage " + s.code());
                return s.andAfter();
            }
        }
        return List.of(PipelineStage.values());
    }

    private StageResult execute(PipelineStage stage, RunRequest request, long runId) {
        return switch (stage) {
            case INGEST -> ingest();
            case INDICATORS -> indicators(runId);
            case PUBLISH -> publish();
            case BULLETINS -> bulletins(request.period());
            case DELIVER -> deliver(request.period());
            case MAINTAIN -> maintain();
        };
    }

    private StageResult ingest() {
        IngestStage.Result result = new IngestStage(app).run();
        rejections.addAll(result.rejections());
        listener.ingested(result);
        List<String> batches = result.ingested().stream().map(r -> r.batchId()).toList();
        String detail = batches.isEmpty() ? "nothing new" : String.join(",", batches);
        return new StageResult(result.rowsAccepted(),
                rejections.isEmpty() ? detail : detail + "; " + rejections.size() + " file(s) rejected", false);
    }

    private StageResult indicators(long runId) {
        List<IndicatorsJob.MartResult> results = new IndicatorsStage(app).run(runId, false);
        listener.computed(results);
        return new StageResult(IndicatorsStage.rows(results), IndicatorsStage.snapshots(results), false);
    }

    private StageResult publish() {
        PublishResult result = new PublishStage(app).run();
        listener.published(result);
        return new StageResult(result.tables().stream().mapToLong(t -> t.rows()).sum(), result.database().toString(), false);
    }

    private StageResult bulletins(YearMonth month) {
        BulletinsStage.Result result = new BulletinsStage(app).run(month);
        listener.rendered(result);
        if (!result.failures().isEmpty()) {
            throw new IllegalStateException(result.failures().size() + " report(s) could not be rendered, first "
                    + result.failures().get(0));
        }
        return new StageResult(result.rendered().size(), result.period().code() + ": " + result.rendered().size() + " reports", false);
    }

    private StageResult maintain() {
        MaintainStage.Result result = new MaintainStage(app).run(null, false);
        listener.maintained(result);
        long changed = result.tables().stream().filter(t -> t.changed()).count();
        int rewritten = result.tables().stream().mapToInt(t -> t.rewrittenDataFiles()).sum();
        int expired = result.tables().stream().mapToInt(t -> t.expiredSnapshots()).sum();
        int orphans = result.tables().stream().mapToInt(t -> t.orphanFiles()).sum();
        return new StageResult(rewritten, changed + " of " + result.tables().size() + " tables: " + rewritten
                + " data files compacted, " + expired + " snapshots expired, " + orphans + " orphan files removed", false);
    }

    private StageResult deliver(YearMonth month) {
        DeliverStage deliver = new DeliverStage(app);
        if (!deliver.configured()) {
            app.progress("deliver: mail.host is not set, nothing sent (see README, Delivery by e-mail)");
            return new StageResult(0, "mail.host not set", true);
        }
        DeliveryRun run = deliver.run(month, false);
        listener.delivered(run);
        if (run.gaveUpNow() > 0) {
            throw new IllegalStateException(run.gaveUpNow() + " delivery(ies) given up after the last attempt (cdht deliver shows them)");
        }
        return new StageResult(run.sent(), run.sent() + " sent, " + run.retryLater() + " to retry later", false);
    }
}
