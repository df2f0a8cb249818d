package vn.cdht.reports.delivery;

import java.time.Instant;

/**
 * What a run did with one delivery.
 *
 * @param attempted     whether this run tried to send it
 * @param nextAttemptAt when it will be tried again (retry-later only)
 * @param detail        the Message-ID when sent, the error otherwise
 */
public record DeliveryLine(long deliveryId, long reportId, String kind, String scope, String period, String recipient,
                           Outcome outcome, boolean attempted, int attempts, Instant nextAttemptAt, String detail) {

    public enum Outcome {
        /** Sent by this run. */
        SENT("sent"),
        /** Sent by an earlier run: never sent again. */
        ALREADY_SENT("already-sent"),
        /** Not sent yet; tried again from {@code nextAttemptAt}. */
        RETRY_LATER("retry-later"),
        /** Given up after the configured attempts ({@code --retry-now} tries it again). */
        FAILED("failed");

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
