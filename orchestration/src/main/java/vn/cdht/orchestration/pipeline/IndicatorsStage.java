package vn.cdht.orchestration.pipeline;

import java.util.List;
import vn.cdht.orchestration.app.ErrorMessages;
import vn.cdht.orchestration.app.Installation;
import vn.cdht.pipelines.indicators.IndicatorsJob;
import vn.cdht.warehouse.catalog.WarehouseInventory;
import vn.cdht.warehouse.control.MartRunLedger;
import vn.cdht.warehouse.control.RunLedger;
import vn.cdht.warehouse.control.RunStatus;

/** The indicators stage: the marts whose inputs (table snapshots, SQL models) changed, or every mart when forced. */
public final class IndicatorsStage {

    private final Installation app;

    public IndicatorsStage(Installation app) {
        this.app = app;
    }

    /** Computes the marts within run {@code runId} of the control database (which records their inputs). */
    public List<IndicatorsJob.MartResult> run(long runId, boolean force) {
        // changed rules reach the marts even with nothing ingested; Spark starts only for a table to compute
        app.ensureReference();
        return new IndicatorsJob(app::ingestionSpark, new WarehouseInventory(app.catalog()), new MartRunLedger(app.control()),
                app::progress).run(runId, force);
    }

    /** The stage on its own ({@code cdht indicators}): recorded as a run of its own, with one stage. */
    public List<IndicatorsJob.MartResult> runRecorded(boolean force) {
        RunLedger runs = new RunLedger(app.control());
        long run = runs.startRun(PipelineStage.INDICATORS.code(), null);
        long stage = runs.startStage(run, PipelineStage.INDICATORS.code());
        try {
            List<IndicatorsJob.MartResult> results = run(run, force);
            runs.finishStage(stage, RunStatus.SUCCEEDED, rows(results), snapshots(results), null);
            runs.finishRun(run, RunStatus.SUCCEEDED, null);
            return results;
        } catch (RuntimeException e) {
            runs.finishStage(stage, RunStatus.FAILED, null, null, ErrorMessages.oneLine(e));
            runs.finishRun(run, RunStatus.FAILED, ErrorMessages.oneLine(e));
            throw e;
        }
    }

    /** Rows written by the marts that were recomputed. */
    static long rows(List<IndicatorsJob.MartResult> results) {
        return results.stream().filter(r -> !r.unchanged()).mapToLong(IndicatorsJob.MartResult::rows).sum();
    }

    /** mart=snapshot id, for the run ledger. */
    static String snapshots(List<IndicatorsJob.MartResult> results) {
        return String.join(",", results.stream().map(r -> r.mart() + "=" + r.snapshotId()).toList());
    }
}
