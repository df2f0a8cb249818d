package vn.cdht.orchestration.pipeline;

import java.time.Clock;
import java.time.YearMonth;
import vn.cdht.orchestration.app.Installation;
import vn.cdht.reports.delivery.Deliverer;
import vn.cdht.reports.delivery.DeliveryLedger;
import vn.cdht.reports.delivery.DeliveryRun;
import vn.cdht.reports.delivery.MailSettings;
import vn.cdht.reports.delivery.ReportMailer;
import vn.cdht.reports.delivery.Subscriptions;
import vn.cdht.reports.registry.ReportRegistry;

/** The deliver stage: the new reports sent to their subscribers by e-mail, when {@code mail.host} is set. */
public final class DeliverStage {

    private final Installation app;

    public DeliverStage(Installation app) {
        this.app = app;
    }

    /** Whether e-mail is configured at all. */
    public boolean configured() {
        return !app.config().get("mail.host", "").isBlank();
    }

    /**
     * The deliveries of {@code month} (every period when null). A failed delivery waits for its next attempt unless
     * {@code retryNow}. Without mail settings this fails with what to set ({@link #configured()} first to skip).
     */
    public DeliveryRun run(YearMonth month, boolean retryNow) {
        MailSettings settings = MailSettings.from(app.config(), app.env()::get);
        app.progress("delivering " + (month == null ? "every period" : month) + " through " + settings.describe());
        return new Deliverer(new ReportRegistry(app.control()), new Subscriptions(app.control()),
                new DeliveryLedger(app.control()), new ReportMailer(settings), Clock.systemUTC())
                .run(month == null ? null : month.toString(), retryNow);
    }
}
