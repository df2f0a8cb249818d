package vn.cdht.reports.delivery;

/** A message the SMTP server accepted: its Message-ID and the server's reply. */
public record SentMessage(String messageId, String smtpReply) {
}
