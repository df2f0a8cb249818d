package vn.cdht.reports.delivery;

import java.util.Locale;

/** How the connection to the SMTP server is protected ({@code mail.security}). */
public enum MailSecurity {
    /** Plain SMTP, e.g. port 25 to a relay inside a trusted network. */
    NONE,
    /** Upgrade with STARTTLS, required (never falls back to plain text), usually port 587. */
    STARTTLS,
    /** Implicit TLS from the first byte, usually port 465. */
    TLS;

    public static MailSecurity of(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (MailSecurity s : values()) {
            if (s.name().equals(v)) {
                return s;
            }
        }
        throw new vn.cdht.warehouse.config.ConfigException("mail.security must be none, starttls or tls, not '" + value + "'");
    }
}
