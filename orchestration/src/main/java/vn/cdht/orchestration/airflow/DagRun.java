package vn.cdht.orchestration.airflow;

import java.time.OffsetDateTime;

/**
 * One DAG run as Airflow's REST API describes it ({@code DAGRunResponse}).
 *
 * @param state {@code queued}, {@code running}, {@code success} or {@code failed}
 * @param logicalDate null for a run triggered without a logical date
 */
public record DagRun(String dagId, String dagRunId, String state, OffsetDateTime logicalDate, OffsetDateTime startDate,
                     OffsetDateTime endDate) {

    /** Whether the run is over: {@code success} or {@code failed}. */
    public boolean finished() {
        return "success".equals(state) || "failed".equals(state);
    }
}
