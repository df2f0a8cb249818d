package vn.cdht.orchestration.pipeline;

/**
 * How a run ended.
 *
 * @param status {@code succeeded}, {@code failed}, or {@code refused} (another run holds the lock)
 */
public record RunOutcome(Long runId, String status, String message) {

    public boolean succeeded() {
        return "succeeded".equals(status);
    }
}
