package vn.cdht.reports.delivery;

import java.time.Instant;

/** One report to one recipient ({@code delivery}); there is at most one per report and recipient. */
public record Delivery(long id, long reportId, String recipient, DeliveryStatus status, int attempts,
                       Instant nextAttemptAt, Instant sentAt, String messageId, String lastError) {

    /** Whether it may be attempted at {@code now}: not sent, not given up, and its next attempt is due. */
    public boolean dueAt(Instant now) {
        return status == DeliveryStatus.PENDING && (nextAttemptAt == null || !nextAttemptAt.isAfter(now));
    }
}
