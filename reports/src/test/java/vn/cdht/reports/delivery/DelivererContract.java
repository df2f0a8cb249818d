package vn.cdht.reports.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.reports.delivery.DeliveryLine.Outcome;
import vn.cdht.reports.registry.RenderedReport;
import vn.cdht.reports.registry.ReportRegistry;
import vn.cdht.warehouse.control.ControlDatabase;

/**
 * The delivery job on every dialect of the control database, against a real SMTP server on loopback (GreenMail),
 * with a clock the tests move forward.
 */
abstract class DelivererContract {

    private static final Instant T0 = Instant.parse("2026-11-05T01:00:00Z");

    abstract ControlDatabase database();

    @TempDir
    Path dir;

    private ControlDatabase db;
    private ReportRegistry registry;
    private Subscriptions subscriptions;
    private DeliveryLedger ledger;
    private MutableClock clock;
    private int port;
    private GreenMail smtp;

    @BeforeEach
    void open() throws IOException {
        db = database();
        registry = new ReportRegistry(db);
        clock = new MutableClock(T0);
        subscriptions = new Subscriptions(db, clock);
        ledger = new DeliveryLedger(db);
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
    }

    @AfterEach
    void stopServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private void startServer() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private DeliveryRun deliver(int maxAttempts, boolean retryNow) {
        MailSettings settings = new MailSettings("127.0.0.1", port, MailSecurity.NONE, null, null,
                "cdht <bantin@localhost>", maxAttempts, Duration.ofSeconds(60), Duration.ofSeconds(5));
        return new Deliverer(registry, subscriptions, ledger, new ReportMailer(settings), clock).run("2026-10", retryNow);
    }

    private DeliveryRun deliver() {
        return deliver(5, false);
    }

    private RenderedReport report(String kind, String scope) {
        return TestReports.register(registry, TestReports.pdf(dir.resolve(kind + "-" + scope + "-2026-10.pdf")), kind, scope,
                "2026-10");
    }

    private List<String> received() throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            for (Address to : m.getAllRecipients()) {
                out.add(to.toString().replaceAll(".*<|>", "") + " " + ((Multipart) m.getContent()).getBodyPart(1).getFileName());
            }
        }
        return out.stream().sorted().toList();
    }

    @Test
    void sendsEachReportOnceToEachMatchingRecipient() throws Exception {
        startServer();
        RenderedReport province = report("province", "51");
        report("province", "52");
        subscriptions.add("lanhdao@quangngai.gov.vn", "Nguyễn Văn An", "leader", "51", List.of("province"));
        subscriptions.add("lanhdao@quangngai.gov.vn", null, "analyst", "*", List.of("province"));
        subscriptions.add("so@quangngai.gov.vn", null, "department", "51", List.of("commune"));

        DeliveryRun first = deliver();

        assertEquals(2, first.sent(), first.toString());
        assertEquals(List.of("lanhdao@quangngai.gov.vn province-51-2026-10.pdf", "lanhdao@quangngai.gov.vn province-52-2026-10.pdf"),
                received(), "two subscriptions, one message per report");
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertEquals("[Công dân học tập] Bản tin tỉnh — Quảng Ngãi — tháng 10/2026", m.getSubject());
        BodyPart file = ((Multipart) m.getContent()).getBodyPart(1);
        assertTrue(file.getContentType().startsWith("application/pdf"), file.getContentType());
        assertArrayEquals(Files.readAllBytes(province.file()), file.getInputStream().readAllBytes());
        Delivery d = ledger.find(province.id(), "lanhdao@quangngai.gov.vn").orElseThrow();
        assertEquals(DeliveryStatus.SENT, d.status());
        assertEquals(m.getMessageID(), d.messageId());
        assertEquals(T0, d.sentAt());
        List<DeliveryAttempt> attempts = ledger.attempts(d.id());
        assertEquals(1, attempts.size());
        assertEquals("sent", attempts.get(0).outcome());
        assertTrue(attempts.get(0).smtpReply().startsWith("250"), attempts.get(0).smtpReply());

        clock.advance(Duration.ofDays(1));
        DeliveryRun again = deliver(5, true);
        report("province", "51");   // rendered again from the same snapshots: the same report, the same id
        DeliveryRun third = deliver();
        TestReports.register(registry, province.file(), "province", "51", "2026-10", province.id());  // a reproduction
        DeliveryRun fourth = deliver();

        for (DeliveryRun run : List.of(again, third, fourth)) {
            assertEquals(0, run.sent(), run.toString());
            assertEquals(2, run.alreadySent(), run.toString());
        }
        assertEquals(2, smtp.getReceivedMessages().length, "a re-run sends nothing twice");
        assertEquals(1, ledger.ofReport(province.id()).size());
    }

    @Test
    void aFailedAttemptIsRetriedAfterTheBackoff() throws Exception {
        RenderedReport province = report("province", "51");
        subscriptions.add("lanhdao@quangngai.gov.vn", null, "leader", "51", List.of("province"));

        DeliveryRun down = deliver();   // nothing listens on the port yet

        assertEquals(1, down.retryLater(), down.toString());
        DeliveryLine line = down.lines().get(0);
        assertEquals(Outcome.RETRY_LATER, line.outcome());
        assertTrue(line.attempted());
        assertEquals(T0.plusSeconds(60), line.nextAttemptAt());
        assertTrue(line.detail().startsWith("cannot send to lanhdao@quangngai.gov.vn through 127.0.0.1:" + port), line.detail());
        Delivery pending = ledger.find(province.id(), "lanhdao@quangngai.gov.vn").orElseThrow();
        assertEquals(DeliveryStatus.PENDING, pending.status());
        assertEquals(1, pending.attempts());
        assertEquals(T0.plusSeconds(60), pending.nextAttemptAt());

        startServer();
        clock.advance(Duration.ofSeconds(59));
        DeliveryRun early = deliver();
        assertEquals(1, early.retryLater());
        assertEquals(false, early.lines().get(0).attempted());
        assertEquals(0, smtp.getReceivedMessages().length, "nothing before the backoff");

        clock.advance(Duration.ofSeconds(1));
        DeliveryRun later = deliver();
        assertEquals(1, later.sent(), later.toString());
        assertEquals(1, smtp.getReceivedMessages().length);
        List<DeliveryAttempt> attempts = ledger.attempts(pending.id());
        assertEquals(List.of("1 failed", "2 sent"), attempts.stream().map(a -> a.attemptNo() + " " + a.outcome()).toList());
        assertEquals(T0, attempts.get(0).attemptedAt());
        assertTrue(attempts.get(0).errorMessage().contains("127.0.0.1:" + port), attempts.get(0).errorMessage());
        assertEquals(T0.plusSeconds(60), attempts.get(1).attemptedAt());
        Delivery sent = ledger.find(province.id(), "lanhdao@quangngai.gov.vn").orElseThrow();
        assertEquals(DeliveryStatus.SENT, sent.status());
        assertNull(sent.nextAttemptAt());
        assertNull(sent.lastError());
    }

    @Test
    void retryNowIgnoresTheBackoff() throws Exception {
        report("province", "51");
        subscriptions.add("lanhdao@quangngai.gov.vn", null, "leader", "51", List.of("province"));
        assertEquals(1, deliver().retryLater());
        startServer();
        assertEquals(0, deliver().sent());
        assertEquals(1, deliver(5, true).sent());
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    void afterTheLastAttemptTheDeliveryIsGivenUp() throws Exception {
        RenderedReport province = report("province", "51");
        subscriptions.add("lanhdao@quangngai.gov.vn", null, "leader", "51", List.of("province"));

        assertEquals(1, deliver(3, false).retryLater());                 // attempt 1 at T0, next at T0 + 60 s
        clock.advance(Duration.ofSeconds(60));
        DeliveryRun second = deliver(3, false);                           // attempt 2, next 120 s later: doubled
        assertEquals(clock.instant().plusSeconds(120), second.lines().get(0).nextAttemptAt());
        clock.advance(Duration.ofSeconds(119));
        assertEquals(false, deliver(3, false).lines().get(0).attempted());
        clock.advance(Duration.ofSeconds(1));
        DeliveryRun third = deliver(3, false);                            // attempt 3: the last
        assertEquals(1, third.failed(), third.toString());
        assertEquals(1, third.gaveUpNow());
        Delivery failed = ledger.find(province.id(), "lanhdao@quangngai.gov.vn").orElseThrow();
        assertEquals(DeliveryStatus.FAILED, failed.status());
        assertEquals(3, failed.attempts());
        assertNull(failed.nextAttemptAt());
        assertNotNull(failed.lastError());

        clock.advance(Duration.ofDays(30));
        startServer();
        DeliveryRun later = deliver(3, false);
        assertEquals(1, later.failed());
        assertEquals(0, later.gaveUpNow(), "given up earlier, not tried again");
        assertEquals(0, smtp.getReceivedMessages().length);

        DeliveryRun retried = deliver(3, true);
        assertEquals(1, retried.sent(), "--retry-now tries a given-up delivery again");
        assertEquals(List.of("1 failed", "2 failed", "3 failed", "4 sent"), ledger.attempts(failed.id()).stream()
                .map(a -> a.attemptNo() + " " + a.outcome()).toList());
    }

    @Test
    void aUnitListGoesOnlyToTheManagerOfThatUnit() throws Exception {
        startServer();
        report("unit-list", "DV001");
        report("province", "51");
        subscriptions.add("quanly1@truong.edu.vn", null, "unit-manager", "DV001", List.of("unit-list"));
        subscriptions.add("quanly2@truong.edu.vn", null, "unit-manager", "DV002", List.of("unit-list"));
        subscriptions.add("baocao@truong.edu.vn", null, "unit-manager", "DV001", List.of("unit-report"));
        subscriptions.add("lanhdao@quangngai.gov.vn", null, "leader", "51", List.of("province"));
        subscriptions.add("phantich@quangngai.gov.vn", null, "analyst", "*", List.of("province", "unit-report"));
        // written by hand into the database, past the checks of cdht subscribers add
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO subscription"
                + " (recipient, role, scope, kinds, created_at) VALUES (?, ?, ?, 'unit-list', ?)")) {
            ControlDatabase.bind(ps, "tatca@quangngai.gov.vn", "leader", "*", T0);
            ps.executeUpdate();
            ControlDatabase.bind(ps, "lanhdao@quangngai.gov.vn", "leader", "DV001", T0);
            ps.executeUpdate();
        }

        DeliveryRun run = deliver();

        assertEquals(List.of("lanhdao@quangngai.gov.vn province-51-2026-10.pdf",
                "phantich@quangngai.gov.vn province-51-2026-10.pdf",
                "quanly1@truong.edu.vn unit-list-DV001-2026-10.pdf"), received());
        assertEquals(3, run.sent());
    }

    @Test
    void aFixListGoesToItsUnitsManagerAndTheSummaryToTheDepartmentOnce() throws Exception {
        startServer();
        report("fix-list", "B51pzCjW");
        report("fix-list", "Xk9OTHER");
        report("fix-summary", "51");
        subscriptions.add("quanly@truong.edu.vn", "Trần Thị Bình", "unit-manager", "B51pzCjW",
                List.of("unit-list,fix-list"));
        subscriptions.add("so@quangngai.gov.vn", null, "department", "51", List.of("province,fix-summary"));
        subscriptions.add("phantich@quangngai.gov.vn", null, "analyst", "*", List.of("province,fix-summary"));
        // written by hand into the database, past the checks of cdht subscribers add
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO subscription"
                + " (recipient, role, scope, kinds, created_at) VALUES (?, ?, ?, 'fix-list', ?)")) {
            ControlDatabase.bind(ps, "so@quangngai.gov.vn", "department", "B51pzCjW", T0);
            ps.executeUpdate();
            ControlDatabase.bind(ps, "tatca@quangngai.gov.vn", "unit-manager", "*", T0);
            ps.executeUpdate();
        }

        DeliveryRun run = deliver();

        assertEquals(List.of("phantich@quangngai.gov.vn fix-summary-51-2026-10.pdf",
                "quanly@truong.edu.vn fix-list-B51pzCjW-2026-10.pdf",
                "so@quangngai.gov.vn fix-summary-51-2026-10.pdf"), received());
        assertEquals(3, run.sent());
        MimeMessage toManager = null;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().contains("B51pzCjW")) {
                toManager = m;
            }
        }
        assertNotNull(toManager);
        assertEquals("[Công dân học tập] Danh sách dữ liệu cần sửa — đơn vị B51pzCjW — lập ngày 05/11/2026",
                toManager.getSubject());
        String text = (String) ((Multipart) toManager.getContent()).getBodyPart(0).getContent();
        assertTrue(text.contains("chứa dữ liệu cá nhân"), text);

        assertEquals(0, deliver().sent(), "the ledger sends each once");
        assertEquals(3, smtp.getReceivedMessages().length);
    }

    @Test
    void aMissingFileIsAFailedAttemptThatNamesIt() throws Exception {
        startServer();
        RenderedReport province = report("province", "51");
        Files.delete(province.file());
        subscriptions.add("lanhdao@quangngai.gov.vn", null, "leader", "51", List.of("province"));

        DeliveryRun run = deliver();

        assertEquals(1, run.retryLater());
        Delivery d = ledger.find(province.id(), "lanhdao@quangngai.gov.vn").orElseThrow();
        DeliveryAttempt attempt = ledger.attempts(d.id()).get(0);
        assertEquals("failed", attempt.outcome());
        assertEquals("the file of report " + province.id() + ", " + province.file() + ", does not exist:"
                + " render the report again, then run cdht deliver again", attempt.errorMessage());
        assertNull(attempt.smtpReply());
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    void nothingToSendNeedsNoMailServer() {
        report("province", "51");
        MailSettings unconfigured = new MailSettings(null, 25, MailSecurity.NONE, null, null, "cdht <bantin@localhost>",
                5, Duration.ofSeconds(60), Duration.ofSeconds(5));
        DeliveryRun run = new Deliverer(registry, subscriptions, ledger, new ReportMailer(unconfigured), clock)
                .run(null, false);
        assertTrue(run.lines().isEmpty());
    }
}
