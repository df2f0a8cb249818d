package vn.cdht.reports.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.cdht.reports.registry.RenderedReport;
import vn.cdht.reports.registry.ReportRegistry;

/**
 * The delivery job: every original report (not reproductions) to every matching subscriber, once. A recipient
 * subscribed through several subscriptions gets one message per report. A failed attempt is tried again after a
 * backoff that doubles with every attempt, up to the configured number of attempts; a sent delivery is never sent
 * again, however often the job runs.
 */
public final class Deliverer {

    private final ReportRegistry reports;
    private final Subscriptions subscriptions;
    private final DeliveryLedger ledger;
    private final ReportMailer mailer;
    private final Clock clock;

    public Deliverer(ReportRegistry reports, Subscriptions subscriptions, DeliveryLedger ledger, ReportMailer mailer,
                     Clock clock) {
        this.reports = reports;
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.mailer = mailer;
        this.clock = clock;
    }

    /**
     * @param period   only the reports of this period (yyyy-MM), or every period when null
     * @param retryNow attempt every delivery not yet sent now, ignoring when its next attempt is due and including
     *                 those given up
     */
    public DeliveryRun run(String period, boolean retryNow) {
        List<Subscription> subscribers = subscriptions.list();
        RetryPolicy retry = mailer.settings().retryPolicy();
        List<DeliveryLine> lines = new ArrayList<>();
        for (RenderedReport report : reports.originals(period)) {
            for (Recipient to : recipients(report, subscribers).values()) {
                Delivery d = ledger.ensure(report.id(), to.address());
                lines.add(deliver(report, to, d, retryNow, retry));
            }
        }
        return DeliveryRun.of(lines);
    }

    /** The recipients of a report, once each, named by the first of their subscriptions that has a name. */
    static Map<String, Recipient> recipients(RenderedReport report, List<Subscription> subscribers) {
        Map<String, Recipient> out = new LinkedHashMap<>();
        for (Subscription s : subscribers) {
            if (DeliveryRule.matches(s, report)) {
                Recipient known = out.get(s.recipient());
                if (known == null || known.name() == null) {
                    out.put(s.recipient(), new Recipient(s.recipient(), s.recipientName()));
                }
            }
        }
        return out;
    }

    private DeliveryLine deliver(RenderedReport report, Recipient to, Delivery d, boolean retryNow, RetryPolicy retry) {
        Instant now = clock.instant();
        if (d.status() == DeliveryStatus.SENT) {
            return line(report, d, DeliveryLine.Outcome.ALREADY_SENT, false, d.messageId());
        }
        if (!retryNow && !d.dueAt(now)) {
            return line(report, d, d.status() == DeliveryStatus.FAILED
                    ? DeliveryLine.Outcome.FAILED : DeliveryLine.Outcome.RETRY_LATER, false, d.lastError());
        }
        mailer.checkConfigured();
        int attemptNo = d.attempts() + 1;
        if (!ledger.claim(d, retry.nextAttempt(now, attemptNo))) {
            Delivery current = ledger.find(report.id(), to.address()).orElseThrow();
            return line(report, current, current.status() == DeliveryStatus.SENT
                    ? DeliveryLine.Outcome.ALREADY_SENT : DeliveryLine.Outcome.RETRY_LATER, false, "being sent by another run");
        }
        try {
            SentMessage sent = mailer.send(report, to);
            ledger.recordSent(d.id(), attemptNo, now, clock.instant(), sent);
        } catch (SendFailure f) {
            Instant retryAt = retry.givesUp(attemptNo) ? null : retry.nextAttempt(now, attemptNo);
            ledger.recordFailure(d.id(), attemptNo, now, f.smtpReply(), f.getMessage(), retryAt);
        }
        Delivery after = ledger.find(report.id(), to.address()).orElseThrow();
        DeliveryLine.Outcome outcome = switch (after.status()) {
            case SENT -> DeliveryLine.Outcome.SENT;
            case PENDING -> DeliveryLine.Outcome.RETRY_LATER;
            case FAILED -> DeliveryLine.Outcome.FAILED;
        };
        return line(report, after, outcome, true, outcome == DeliveryLine.Outcome.SENT ? after.messageId() : after.lastError());
    }

    private static DeliveryLine line(RenderedReport r, Delivery d, DeliveryLine.Outcome outcome, boolean attempted,
                                     String detail) {
        return new DeliveryLine(d.id(), r.id(), r.kind(), r.scope(), r.period(), d.recipient(), outcome, attempted,
                d.attempts(), outcome == DeliveryLine.Outcome.RETRY_LATER ? d.nextAttemptAt() : null, detail);
    }
}
