package vn.cdht.orchestration.airflow;

import java.util.List;

/** The task instances of a DAG run ({@code TaskInstanceCollectionResponse}). */
public record TaskInstances(List<TaskInstance> taskInstances, int totalEntries) {

    public TaskInstances {
        taskInstances = List.copyOf(taskInstances);
    }
}
