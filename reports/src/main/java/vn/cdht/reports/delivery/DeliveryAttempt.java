package vn.cdht.reports.delivery;

import java.time.Instant;

/** One attempt to send a delivery ({@code delivery_attempt}); outcome {@code sent} or {@code failed}. */
public record DeliveryAttempt(long id, long deliveryId, int attemptNo, Instant attemptedAt, String outcome,
                              String smtpReply, String errorMessage) {
}
