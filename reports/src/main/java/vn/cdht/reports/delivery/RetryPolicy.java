package vn.cdht.reports.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a delivery again: after {@code backoff} following the first failed attempt, doubling with every
 * further one; after {@code maxAttempts} attempts the delivery is given up.
 */
public record RetryPolicy(int maxAttempts, Duration backoff) {

    /** Beyond this many doublings the wait stops growing (2^20 times the backoff is already months). */
    private static final int MAX_DOUBLINGS = 20;

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("mail.max-attempts must be at least 1, not " + maxAttempts);
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("mail.backoff-seconds must not be negative, not " + backoff.toSeconds());
        }
    }

    /** Whether a delivery that has failed {@code attempts} times is given up. */
    public boolean givesUp(int attempts) {
        return attempts >= maxAttempts;
    }

    /** When to try again after the {@code attempts}-th failed attempt at {@code failedAt}. */
    public Instant nextAttempt(Instant failedAt, int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), MAX_DOUBLINGS);
        return failedAt.plus(backoff.multipliedBy(1L << doublings));
    }
}
