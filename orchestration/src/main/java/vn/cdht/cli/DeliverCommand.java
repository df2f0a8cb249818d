package vn.cdht.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.cdht.orchestration.pipeline.DeliverStage;
import vn.cdht.reports.delivery.DeliveryLine;
import vn.cdht.reports.delivery.DeliveryRun;

@Command(name = "deliver", mixinStandardHelpOptions = true,
        description = {"Send the rendered reports to their subscribers by e-mail, each report once to each recipient.",
                "Every original report (not reproductions) goes to every subscription whose kinds include its kind and",
                "whose scope is the report's scope or *; a unit list only to the unit-manager of that unit. A recipient",
                "subscribed several times gets one message. Sent messages are recorded and never sent again, however",
                "often this runs (run it from cron after rendering). A failed attempt is tried again on a later run",
                "once mail.backoff-seconds have passed, doubling with each attempt, and given up after",
                "mail.max-attempts. The SMTP server: mail.host, mail.port, mail.security, mail.user, CDHT_MAIL_PASSWORD.",
                "Exit code 1 when a delivery was given up in this run."},
        footer = {"", "Examples:",
                "  cdht deliver",
                "  cdht deliver --period 2026-10",
                "  cdht deliver --retry-now          # now, without waiting for the backoff; retries given-up ones too",
                "  CDHT_MAIL_HOST=smtp.quangngai.gov.vn CDHT_MAIL_PORT=587 CDHT_MAIL_SECURITY=starttls \\",
                "    CDHT_MAIL_USER=bantin CDHT_MAIL_PASSWORD=... cdht deliver"})
final class DeliverCommand implements Callable<Integer> {

    @ParentCommand
    Cdht root;

    @Spec
    CommandSpec spec;

    @Option(names = "--period", paramLabel = "yyyy-MM", description = "Only the reports of this month (default: every period).")
    String period;

    @Option(names = "--retry-now",
            description = "Attempt every delivery not yet sent now, ignoring the backoff, including those given up.")
    boolean retryNow;

    @Override
    public Integer call() {
        if (period != null && !period.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            throw new ParameterException(spec.commandLine(), "--period must be a month as yyyy-MM, e.g. 2026-10, not '" + period + "'");
        }
        try (CdhtContext ctx = root.context()) {
            DeliveryRun run = new DeliverStage(ctx.installation()).run(period == null ? null : java.time.YearMonth.parse(period), retryNow);
            var out = ctx.out();
            if (run.lines().isEmpty()) {
                out.println("Nothing to deliver: no report" + (period == null ? "" : " of " + period)
                        + " matches a subscription (cdht subscribers list shows them).");
                out.flush();
                return 0;
            }
            TextTable t = new TextTable("DELIVERY", "REPORT", "KIND", "SCOPE", "PERIOD", "RECIPIENT", "OUTCOME", "ATTEMPTS", "DETAIL");
            for (DeliveryLine l : run.lines()) {
                t.row(l.deliveryId(), l.reportId(), l.kind(), l.scope(), l.period(), l.recipient(), l.outcome().code(),
                        l.attempts(), detail(l));
            }
            t.print(out);
            out.println(run.sent() + " sent, " + run.failed() + " failed, " + run.retryLater() + " to retry later, "
                    + run.alreadySent() + " already sent.");
            out.flush();
            if (run.gaveUpNow() > 0) {
                var err = spec.commandLine().getErr();
                err.println("cdht deliver: error: " + run.gaveUpNow() + " deliver" + (run.gaveUpNow() == 1 ? "y was" : "ies were")
                        + " given up after mail.max-attempts attempts (see DETAIL above): fix the cause, then"
                        + " cdht deliver --retry-now");
                err.flush();
                return 1;
            }
            return 0;
        }
    }

    private static String detail(DeliveryLine l) {
        String detail = l.detail() == null ? "" : l.detail();
        return switch (l.outcome()) {
            case SENT -> detail;
            case ALREADY_SENT -> "sent earlier" + (detail.isEmpty() ? "" : ", " + detail);
            case RETRY_LATER -> "next attempt " + (l.nextAttemptAt() == null ? "now" : DbCommand.LOCAL_TIME.format(l.nextAttemptAt()))
                    + (detail.isEmpty() ? "" : ": " + detail);
            case FAILED -> "given up: " + detail;
        };
    }
}
