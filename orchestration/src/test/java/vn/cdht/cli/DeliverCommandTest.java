package vn.cdht.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.reports.registry.NewReport;
import vn.cdht.reports.registry.ReportRegistry;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.control.ControlDatabaseSettings;

/** cdht deliver against a real SMTP server on loopback (GreenMail), configured by CDHT_MAIL_* variables. */
class DeliverCommandTest {

    @RegisterExtension
    final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path home;

    private CliRun cdht(Map<String, String> env, String... args) {
        return CliRun.inHome(home, env, args);
    }

    private Map<String, String> mail(int port, String... more) {
        Map<String, String> env = new HashMap<>(Map.of("CDHT_MAIL_HOST", "127.0.0.1", "CDHT_MAIL_PORT", Integer.toString(port)));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    /** A report registered as a renderer would, with a small hand-made PDF. */
    private Path register(String kind, String scope) throws Exception {
        Path file = home.resolve("reports/" + kind + "-" + scope + "-2026-10.pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, minimalPdf());
        ControlDatabase db = new ControlDatabase(ControlDatabaseSettings.from(CdhtConfig.of(home, Map.of())));
        db.migrate();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        new ReportRegistry(db).register(new NewReport(kind, scope, "2026-10", "pdf", "2025", "mart.coverage=1",
                LocalDate.of(2026, 11, 5), file, sha256, Files.size(file), 1, kind.equals("unit-list"), 5L, null));
        return file;
    }

    @Test
    void deliversOnceThroughTheConfiguredServer() throws Exception {
        int port = smtp.getSmtp().getPort();
        assertEquals(0, cdht(Map.of(), "subscribers", "add", "--email", "lanhdao@quangngai.gov.vn", "--role", "leader",
                "--scope", "51", "--kinds", "province").exitCode());
        Path pdf = register("province", "51");

        CliRun first = cdht(mail(port), "deliver", "--period", "2026-10");

        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.err().contains("delivering 2026-10 through 127.0.0.1:" + port + " (none)"), first.err());
        String[] lines = first.out().split("\n");
        assertTrue(lines[0].matches("DELIVERY\\s+REPORT\\s+KIND\\s+SCOPE\\s+PERIOD\\s+RECIPIENT\\s+OUTCOME\\s+ATTEMPTS\\s+DETAIL"), lines[0]);
        assertTrue(lines[1].matches("\\s*1\\s+1\\s+province\\s+51\\s+2026-10\\s+lanhdao@quangngai.gov.vn\\s+sent\\s+1\\s+<.+>"), lines[1]);
        assertEquals("1 sent, 0 failed, 0 to retry later, 0 already sent.", lines[2]);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("[Công dân học tập] Bản tin tỉnh — Quảng Ngãi — tháng 10/2026", received[0].getSubject());
        BodyPart file = ((Multipart) received[0].getContent()).getBodyPart(1);
        assertEquals("province-51-2026-10.pdf", file.getFileName());
        assertTrue(file.getContentType().startsWith("application/pdf"), file.getContentType());
        assertArrayEquals(Files.readAllBytes(pdf), file.getInputStream().readAllBytes());

        CliRun again = cdht(mail(port), "deliver");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("already-sent"), again.out());
        assertTrue(again.out().contains("0 sent, 0 failed, 0 to retry later, 1 already sent."), again.out());
        assertEquals(1, smtp.getReceivedMessages().length, "never twice");

        CliRun nothing = cdht(mail(port), "deliver", "--period", "2027-01");
        assertEquals(0, nothing.exitCode(), nothing.err());
        assertEquals("Nothing to deliver: no report of 2027-01 matches a subscription (cdht subscribers list shows them).",
                nothing.out().strip());
    }

    @Test
    void aServerThatCannotBeReachedIsRetriedThenGivenUp() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        cdht(Map.of(), "subscribers", "add", "--email", "quanly@truong.edu.vn", "--role", "unit-manager", "--scope", "DV001",
                "--kinds", "unit-list");
        register("unit-list", "DV001");

        CliRun down = cdht(mail(closed), "deliver");
        assertEquals(0, down.exitCode(), down.err());
        assertTrue(down.out().matches("(?s).*retry-later\\s+1\\s+next attempt \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d: cannot send to"
                + " quanly@truong.edu.vn through 127.0.0.1:" + closed + ".*"), down.out());
        assertTrue(down.out().contains("0 sent, 0 failed, 1 to retry later, 0 already sent."), down.out());

        CliRun last = cdht(mail(closed, "CDHT_MAIL_MAX_ATTEMPTS", "2"), "deliver", "--retry-now");
        assertEquals(1, last.exitCode());
        assertTrue(last.out().contains("failed          2  given up: cannot send to"), last.out());
        assertEquals("cdht deliver: error: 1 delivery was given up after mail.max-attempts attempts (see DETAIL above):"
                + " fix the cause, then cdht deliver --retry-now", last.err().lines().reduce((a, b) -> b).orElse(""));

        CliRun retried = cdht(mail(smtp.getSmtp().getPort()), "deliver", "--retry-now");
        assertEquals(0, retried.exitCode(), retried.err());
        assertTrue(retried.out().contains("1 sent, 0 failed"), retried.out());
        assertEquals(1, smtp.getReceivedMessages().length);
        assertEquals("[Công dân học tập] Danh sách công dân tự đánh giá — đơn vị DV001 — tháng 10/2026",
                smtp.getReceivedMessages()[0].getSubject());
    }

    @Test
    void withoutAMailServerItSaysWhatToConfigure() throws Exception {
        cdht(Map.of(), "subscribers", "add", "--email", "a@quangngai.gov.vn", "--role", "leader", "--scope", "51",
                "--kinds", "province");
        register("province", "51");
        CliRun run = cdht(Map.of(), "deliver");
        assertEquals(1, run.exitCode());
        assertEquals("cdht deliver: error: mail.host is not set: set it to your SMTP server in the configuration file"
                + " or in CDHT_MAIL_HOST (see README, Delivery by e-mail)", run.err().lines().reduce((a, b) -> b).orElse(""));
        assertEquals(2, cdht(Map.of(), "deliver", "--period", "2026-13").exitCode());
    }

    /** The smallest well-formed PDF: one empty page, with a correct cross-reference table. */
    static byte[] minimalPdf() {
        String[] objects = {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder xref = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
        write(out, "%PDF-1.4\n");
        for (int i = 0; i < objects.length; i++) {
            xref.append(String.format("%010d 00000 n \n", out.size()));
            write(out, (i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n");
        }
        int start = out.size();
        write(out, xref + "trailer\n<< /Size " + (objects.length + 1) + " /Root 1 0 R >>\nstartxref\n" + start + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
