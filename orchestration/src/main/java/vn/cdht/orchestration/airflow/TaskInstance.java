package vn.cdht.orchestration.airflow;

import java.time.OffsetDateTime;

/**
 * One task of a DAG run ({@code TaskInstanceResponse}).
 *
 * @param state null while the task has no status yet, else {@code scheduled}, {@code queued}, {@code running},
 *              {@code success}, {@code failed}, {@code up_for_retry}, {@code upstream_failed}, {@code skipped}, ...
 * @param tryNumber the attempt (1 for the first)
 */
public record TaskInstance(String taskId, String state, int tryNumber, OffsetDateTime startDate, OffsetDateTime endDate) {
}
