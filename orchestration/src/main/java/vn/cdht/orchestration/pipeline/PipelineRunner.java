package vn.cdht.orchestration.pipeline;

/** Runs the pipeline's stages as one recorded run (what {@code cdht run} does). */
public interface PipelineRunner {

    /** Never throws for a failed stage: the failure is in the outcome and in the control database. */
    RunOutcome run(RunRequest request);
}
