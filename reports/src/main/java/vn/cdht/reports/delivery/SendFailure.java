package vn.cdht.reports.delivery;

/**
 * A message could not be sent; the delivery is tried again later.
 *
 * @see #smtpReply()
 */
public final class SendFailure extends Exception {

    private final String smtpReply;

    public SendFailure(String message, String smtpReply, Throwable cause) {
        super(message, cause);
        this.smtpReply = smtpReply;
    }

    /** What the SMTP server last answered, when it answered at all. */
    public String smtpReply() {
        return smtpReply;
    }
}
