package vn.cdht.orchestration.airflow;

import java.util.List;

/** {@code GET /api/v2/monitor/health}: the status of each Airflow component. */
public record AirflowHealth(List<Component> components) {

    /**
     * @param name {@code metadatabase}, {@code scheduler}, {@code triggerer}, {@code dag_processor}
     * @param status {@code healthy}, {@code unhealthy}, or null when Airflow does not know
     * @param latestHeartbeat as Airflow reports it, or null
     */
    public record Component(String name, String status, String latestHeartbeat) {
    }

    public AirflowHealth {
        components = List.copyOf(components);
    }

    /** Whether every component that reports a status says {@code healthy}. */
    public boolean healthy() {
        return components.stream().allMatch(c -> c.status() == null || "healthy".equals(c.status()));
    }
}
