package vn.cdht.reports.delivery;

import java.util.List;

/** What one run of {@link Deliverer} did: counts by outcome, and one line per delivery. */
public record DeliveryRun(int sent, int failed, int retryLater, int alreadySent, List<DeliveryLine> lines) {

    public DeliveryRun {
        lines = List.copyOf(lines);
    }

    public static DeliveryRun of(List<DeliveryLine> lines) {
        return new DeliveryRun(count(lines, DeliveryLine.Outcome.SENT), count(lines, DeliveryLine.Outcome.FAILED),
                count(lines, DeliveryLine.Outcome.RETRY_LATER), count(lines, DeliveryLine.Outcome.ALREADY_SENT), lines);
    }

    /** Deliveries this run gave up on (after their last allowed attempt). */
    public long gaveUpNow() {
        return lines.stream().filter(l -> l.attempted() && l.outcome() == DeliveryLine.Outcome.FAILED).count();
    }

    private static int count(List<DeliveryLine> lines, DeliveryLine.Outcome outcome) {
        return (int) lines.stream().filter(l -> l.outcome() == outcome).count();
    }
}
