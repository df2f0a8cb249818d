package vn.cdht.reports.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import vn.cdht.reports.registry.RenderedReport;

/** Sends one report to one recipient over SMTP, as {@link MailSettings} say (STARTTLS or TLS, authentication). */
public final class ReportMailer {

    private final MailSettings settings;
    private final ReportMessage messages;

    public ReportMailer(MailSettings settings) {
        this(settings, new ReportMessage(new PlaceNames()));
    }

    public ReportMailer(MailSettings settings, ReportMessage messages) {
        this.settings = settings;
        this.messages = messages;
    }

    public MailSettings settings() {
        return settings;
    }

    /** Fails with what to configure when mail cannot be sent at all, before anything is attempted. */
    public void checkConfigured() {
        settings.requireHost();
    }

    /** Sends the report; returns its Message-ID and the server's reply. */
    public SentMessage send(RenderedReport report, Recipient to) throws SendFailure {
        Session session = Session.getInstance(properties());
        MimeMessage message = messages.compose(session, settings.from(), report, to);
        String server = settings.requireHost() + ":" + settings.port();
        SMTPTransport transport = null;
        try {
            transport = (SMTPTransport) session.getTransport("smtp");
            transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
            transport.sendMessage(message, message.getAllRecipients());
            return new SentMessage(message.getMessageID(), reply(transport));
        } catch (SMTPSendFailedException e) {
            throw new SendFailure("the SMTP server " + server + " refused the message to " + to.address() + ": "
                    + describe(e), reply(transport), e);
        } catch (MessagingException e) {
            throw new SendFailure("cannot send to " + to.address() + " through " + server + ": " + describe(e),
                    transport == null ? null : reply(transport), e);
        } finally {
            close(transport);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        String timeout = Long.toString(settings.timeout().toMillis());
        p.setProperty("mail.smtp.connectiontimeout", timeout);
        p.setProperty("mail.smtp.timeout", timeout);
        p.setProperty("mail.smtp.writetimeout", timeout);
        p.setProperty("mail.smtp.auth", Boolean.toString(settings.user() != null));
        // the envelope sender and the domain of generated Message-IDs
        p.setProperty("mail.from", envelopeSender());
        switch (settings.security()) {
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                p.setProperty("mail.smtp.ssl.enable", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> { }
        }
        return p;
    }

    private String envelopeSender() {
        try {
            return new InternetAddress(settings.from(), true).getAddress();
        } catch (MessagingException e) {
            return settings.from();
        }
    }

    private static String reply(SMTPTransport transport) {
        String r = transport.getLastServerResponse();
        return r == null || r.isBlank() ? null : r.strip();
    }

    /** The exception's message and those of its causes, on one line ("Couldn't connect ...: Connection refused"). */
    private static String describe(Throwable e) {
        List<String> parts = new ArrayList<>();
        // MessagingException.getCause() is its next exception, so this walks both chains
        for (Throwable t = e; t != null && parts.size() < 5; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().strip().replaceAll("\\s+", " ");
            if (!m.isEmpty() && parts.stream().noneMatch(p -> p.contains(m))) {
                parts.add(m);
            }
        }
        return parts.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", parts);
    }

    private static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the message was already accepted or refused; closing cannot change that
            }
        }
    }
}
