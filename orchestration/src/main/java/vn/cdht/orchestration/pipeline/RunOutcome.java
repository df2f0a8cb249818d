package vn.cdht.orchestration.pipeline;

/**
 * How a run ended.
 *
 * @param status {@code succeeded}; {@code rejected} (every stage done, but a file was rejected whole: a failure for
 *               whoever schedules runs, since its rows are missing); {@code failed}; or {@code refused} (another
 *               command holds the lock)
 */
public record RunOutcome(Long runId, String status, String message) {

    public boolean succeeded() {
        return "succeeded".equals(status);
    }

    public boolean rejected() {
        return "rejected".equals(status);
    }
}
