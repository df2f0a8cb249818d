package vn.cdht.orchestration.airflow;

/** A DAG's id and whether it is paused ({@code DAGResponse}). */
public record Dag(String dagId, boolean paused) {
}
