package vn.cdht.reports.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.function.Function;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.config.ConfigException;

/**
 * How reports are sent: the SMTP server, its protection and credentials, the sender, and the retry policy
 * (configuration keys {@code mail.*}). {@link #toString()} never shows the password.
 *
 * @param host     the SMTP server, or null when delivery is not configured
 * @param password from {@code mail.password}, or from the environment variable named by {@code mail.password-env}
 */
public record MailSettings(String host, int port, MailSecurity security, String user, String password, String from,
                           int maxAttempts, Duration backoff, Duration timeout) {

    public static MailSettings from(CdhtConfig config) {
        return from(config, System::getenv);
    }

    /** @param env the environment, for {@code mail.password-env} */
    public static MailSettings from(CdhtConfig config, Function<String, String> env) {
        String user = config.find("mail.user").orElse(null);
        String password = config.find("mail.password").orElse(null);
        if (password == null && config.find("mail.password-env").isPresent()) {
            String variable = config.find("mail.password-env").get();
            password = env.apply(variable);
            if (password == null || password.isEmpty()) {
                throw new ConfigException("mail.password-env names the environment variable " + variable
                        + ", which is not set: set it, or set the password in CDHT_MAIL_PASSWORD");
            }
        }
        if (user != null && password == null) {
            throw new ConfigException("mail.user is set but no password: set CDHT_MAIL_PASSWORD, or name the variable"
                    + " that holds it in mail.password-env");
        }
        String from = config.get("mail.from", "cdht <bantin@localhost>");
        try {
            new InternetAddress(from, true).validate();
        } catch (AddressException e) {
            throw new ConfigException("mail.from must be an address such as 'cdht <bantin@soGD.gov.vn>', not '" + from + "'");
        }
        return new MailSettings(
                config.find("mail.host").orElse(null),
                within(config, "mail.port", 25, 1, 65535),
                MailSecurity.of(config.get("mail.security", "none")),
                user, password, from,
                within(config, "mail.max-attempts", 5, 1, 1000),
                Duration.ofSeconds(within(config, "mail.backoff-seconds", 60, 0, Integer.MAX_VALUE)),
                Duration.ofSeconds(within(config, "mail.timeout-seconds", 30, 1, 3600)));
    }

    /** The host, or a message saying how to configure it. */
    public String requireHost() {
        if (host == null || host.isBlank()) {
            throw new ConfigException("mail.host is not set: set it to your SMTP server in the configuration file"
                    + " or in CDHT_MAIL_HOST (see README, Delivery by e-mail)");
        }
        return host;
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, backoff);
    }

    /** Where mail goes, for messages: {@code smtp.example.vn:587 (starttls, user cdht)}. */
    public String describe() {
        return (host == null ? "(no mail.host)" : host) + ":" + port + " (" + security.name().toLowerCase(java.util.Locale.ROOT)
                + (user == null ? "" : ", user " + user) + ")";
    }

    @Override
    public String toString() {
        return "MailSettings[" + describe() + ", from " + from + ", password " + (password == null ? "none" : "****")
                + ", max-attempts " + maxAttempts + ", backoff " + backoff.toSeconds() + " s, timeout "
                + timeout.toSeconds() + " s]";
    }

    private static int within(CdhtConfig config, String key, int fallback, int min, int max) {
        int v = config.getInt(key, fallback);
        if (v < min || v > max) {
            throw new ConfigException("configuration key " + key + " must be between " + min + " and " + max + ", not " + v);
        }
        return v;
    }
}
