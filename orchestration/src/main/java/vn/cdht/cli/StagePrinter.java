package vn.cdht.cli;

import java.util.List;
import vn.cdht.orchestration.pipeline.BulletinsStage;
import vn.cdht.orchestration.pipeline.IngestStage;
import vn.cdht.orchestration.pipeline.MaintainStage;
import vn.cdht.orchestration.pipeline.PipelineRun;
import vn.cdht.pipelines.indicators.IndicatorsJob;
import vn.cdht.pipelines.ingest.IngestReport;
import vn.cdht.warehouse.analyst.PublishResult;

/** Prints what each stage of a pipeline run did, as it ends, the way the stage's own command prints it. */
final class StagePrinter implements PipelineRun.Listener {

    private final CdhtContext ctx;

    StagePrinter(CdhtContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void ingested(IngestStage.Result result) {
        // batches ingested before stay in the inbox: they are not listed again on every run
        for (IngestReport report : result.ingested()) {
            IngestCommand.print(ctx, report);
        }
    }

    @Override
    public void computed(List<IndicatorsJob.MartResult> marts) {
        IndicatorsCommand.printMarts(ctx, marts);
    }

    @Override
    public void published(PublishResult result) {
        PublishCommand.print(ctx, result);
    }

    @Override
    public void rendered(BulletinsStage.Result result) {
        BulletinCommand.print(ctx, result.rendered());
    }

    @Override
    public void maintained(MaintainStage.Result result) {
        MaintainCommand.print(ctx, result);
    }
}
