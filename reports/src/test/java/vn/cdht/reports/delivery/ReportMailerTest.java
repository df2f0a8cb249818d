package vn.cdht.reports.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.reports.registry.RenderedReport;

/** The mailer against a real SMTP server on loopback (GreenMail), with authentication. */
class ReportMailerTest {

    @RegisterExtension
    final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("cdht", "mật-khẩu"));

    @TempDir
    Path dir;

    private ReportMailer mailer(String password) {
        return new ReportMailer(new MailSettings("127.0.0.1", smtp.getSmtp().getPort(), MailSecurity.NONE, "cdht",
                password, "Sở GD&ĐT Quảng Ngãi <bantin@quangngai.gov.vn>", 5, Duration.ofSeconds(60),
                Duration.ofSeconds(10)));
    }

    @Test
    void thePdfArrivesAttachedUnderAVietnameseSubject() throws Exception {
        Path pdf = TestReports.pdf(dir.resolve("ban-tin-tinh-51-2026-10.pdf"));
        RenderedReport report = TestReports.unregistered(pdf, "province", "51", "2026-10");

        SentMessage sent = mailer("mật-khẩu").send(report, new Recipient("lanhdao@quangngai.gov.vn", "Trần Thị Bình"));

        assertNotNull(sent.messageId());
        assertTrue(sent.smtpReply().startsWith("250"), sent.smtpReply());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage m = received[0];
        assertEquals(sent.messageId(), m.getMessageID());
        assertEquals("[Công dân học tập] Bản tin tỉnh — Quảng Ngãi — tháng 10/2026", m.getSubject());
        assertEquals("Trần Thị Bình", ((InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal());
        assertEquals("Sở GD&ĐT Quảng Ngãi", ((InternetAddress) m.getFrom()[0]).getPersonal());
        Multipart parts = (Multipart) m.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(((String) parts.getBodyPart(0).getContent()).startsWith("Kính gửi Trần Thị Bình,"));
        BodyPart file = parts.getBodyPart(1);
        assertEquals(Part.ATTACHMENT, file.getDisposition());
        assertEquals("ban-tin-tinh-51-2026-10.pdf", file.getFileName());
        assertTrue(file.getContentType().startsWith("application/pdf"), file.getContentType());
        assertArrayEquals(Files.readAllBytes(pdf), file.getInputStream().readAllBytes());
    }

    @Test
    void aWorkbookGoesAsAWorkbook() throws Exception {
        Path xlsx = TestReports.xlsx(dir.resolve("bieu-thong-ke-51.xlsx"));
        mailer("mật-khẩu").send(TestReports.unregistered(xlsx, "stats-table", "51", "2026-10"),
                new Recipient("phong@quangngai.gov.vn", null));
        BodyPart file = ((Multipart) smtp.getReceivedMessages()[0].getContent()).getBodyPart(1);
        assertEquals("bieu-thong-ke-51.xlsx", file.getFileName());
        assertTrue(file.getContentType().startsWith(ReportMessage.XLSX), file.getContentType());
        assertArrayEquals(Files.readAllBytes(xlsx), file.getInputStream().readAllBytes());
    }

    @Test
    void aFileOfPlainTextLinesArrivesByteForByte() throws Exception {
        Path pdf = dir.resolve("uncompressed.pdf");
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        mailer("mật-khẩu").send(TestReports.unregistered(pdf, "province", "51", "2026-10"), new Recipient("a@b.vn", null));
        BodyPart file = ((Multipart) smtp.getReceivedMessages()[0].getContent()).getBodyPart(1);
        assertArrayEquals(Files.readAllBytes(pdf), file.getInputStream().readAllBytes(), "no LF turned into CRLF");
    }

    @Test
    void aRefusedLoginIsAFailureWithTheServersReply() {
        Path pdf = TestReports.pdf(dir.resolve("a.pdf"));
        SendFailure f = assertThrows(SendFailure.class, () -> mailer("sai").send(
                TestReports.unregistered(pdf, "province", "51", "2026-10"), new Recipient("a@quangngai.gov.vn", null)));
        assertTrue(f.getMessage().startsWith("cannot send to a@quangngai.gov.vn through 127.0.0.1:"), f.getMessage());
        assertNotNull(f.smtpReply());
        assertTrue(f.smtpReply().startsWith("535"), f.smtpReply());
        assertFalse(f.getMessage().contains("sai"), "the password is not in the message");
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    void aMissingOrChangedFileIsNamed() throws Exception {
        Path pdf = TestReports.pdf(dir.resolve("gone.pdf"));
        RenderedReport report = TestReports.unregistered(pdf, "province", "51", "2026-10");
        Files.writeString(pdf, "not the registered bytes");
        SendFailure changed = assertThrows(SendFailure.class, () -> mailer("mật-khẩu").send(report, new Recipient("a@b.vn", null)));
        assertTrue(changed.getMessage().contains(pdf + ", is not the file that was registered"), changed.getMessage());
        Files.delete(pdf);
        SendFailure missing = assertThrows(SendFailure.class, () -> mailer("mật-khẩu").send(report, new Recipient("a@b.vn", null)));
        assertEquals("the file of report 1, " + pdf + ", does not exist: render the report again, then run cdht deliver again",
                missing.getMessage());
    }
}
