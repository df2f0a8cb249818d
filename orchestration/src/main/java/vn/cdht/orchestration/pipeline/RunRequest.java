package vn.cdht.orchestration.pipeline;

import java.time.YearMonth;

/**
 * What to run.
 *
 * @param trigger who asked: {@code manual}, {@code scheduler} or {@code airflow}
 * @param period the month of the bulletins, or NULL for the last complete month with figures
 * @param from the first stage to run, or NULL for the first stage (or, after a failed run, its failed stage)
 * @param only the one stage to run, or NULL
 * @param until the last stage to run, or NULL for the last stage
 */
public record RunRequest(String trigger, YearMonth period, PipelineStage from, PipelineStage only, PipelineStage until) {

    public RunRequest(String trigger, YearMonth period, PipelineStage from, PipelineStage only) {
        this(trigger, period, from, only, null);
    }

    public static RunRequest scheduled(PipelineStage from, PipelineStage only) {
        return new RunRequest("scheduler", null, from, only, null);
    }

    public static RunRequest scheduled(PipelineStage from, PipelineStage only, PipelineStage until) {
        return new RunRequest("scheduler", null, from, only, until);
    }
}
