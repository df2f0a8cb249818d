package vn.cdht.reports.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.config.ConfigException;

class MailSettingsTest {

    @TempDir
    Path home;

    private MailSettings settings(Map<String, String> keys, Map<String, String> env) {
        return MailSettings.from(CdhtConfig.of(home, keys), env::get);
    }

    @Test
    void defaults() {
        MailSettings s = settings(Map.of(), Map.of());
        assertNull(s.host());
        assertEquals(25, s.port());
        assertEquals(MailSecurity.NONE, s.security());
        assertEquals("cdht <bantin@localhost>", s.from());
        assertEquals(5, s.maxAttempts());
        assertEquals(Duration.ofSeconds(60), s.backoff());
        assertEquals(Duration.ofSeconds(30), s.timeout());
        ConfigException e = assertThrows(ConfigException.class, s::requireHost);
        assertTrue(e.getMessage().contains("CDHT_MAIL_HOST"), e.getMessage());
    }

    @Test
    void everyKeyIsReadAndThePasswordNeverShown() {
        MailSettings s = settings(Map.of("mail.host", "smtp.quangngai.gov.vn", "mail.port", "587",
                "mail.security", "STARTTLS", "mail.user", "cdht", "mail.password", "bí-mật-42",
                "mail.from", "Sở GD&ĐT <bantin@quangngai.gov.vn>", "mail.max-attempts", "3", "mail.backoff-seconds", "10",
                "mail.timeout-seconds", "5"), Map.of());
        assertEquals("smtp.quangngai.gov.vn", s.requireHost());
        assertEquals(587, s.port());
        assertEquals(MailSecurity.STARTTLS, s.security());
        assertEquals("bí-mật-42", s.password());
        assertEquals(new RetryPolicy(3, Duration.ofSeconds(10)), s.retryPolicy());
        assertEquals(Duration.ofSeconds(5), s.timeout());
        assertFalse(s.toString().contains("bí-mật-42"), s.toString());
        assertTrue(s.toString().contains("****"), s.toString());
        assertEquals("smtp.quangngai.gov.vn:587 (starttls, user cdht)", s.describe());
    }

    @Test
    void thePasswordMayComeFromANamedEnvironmentVariable() {
        MailSettings s = settings(Map.of("mail.user", "cdht", "mail.password-env", "SMTP_PASS"), Map.of("SMTP_PASS", "x1"));
        assertEquals("x1", s.password());
        ConfigException missing = assertThrows(ConfigException.class,
                () -> settings(Map.of("mail.user", "cdht", "mail.password-env", "SMTP_PASS"), Map.of()));
        assertEquals("mail.password-env names the environment variable SMTP_PASS, which is not set: set it,"
                + " or set the password in CDHT_MAIL_PASSWORD", missing.getMessage());
        ConfigException none = assertThrows(ConfigException.class, () -> settings(Map.of("mail.user", "cdht"), Map.of()));
        assertTrue(none.getMessage().startsWith("mail.user is set but no password"), none.getMessage());
    }

    @Test
    void badValuesSayWhatIsExpected() {
        assertEquals("mail.security must be none, starttls or tls, not 'ssl'", assertThrows(ConfigException.class,
                () -> settings(Map.of("mail.security", "ssl"), Map.of())).getMessage());
        assertEquals("configuration key mail.port must be between 1 and 65535, not 0", assertThrows(ConfigException.class,
                () -> settings(Map.of("mail.port", "0"), Map.of())).getMessage());
        assertEquals("configuration key mail.max-attempts must be a whole number, not 'many'", assertThrows(ConfigException.class,
                () -> settings(Map.of("mail.max-attempts", "many"), Map.of())).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> settings(Map.of("mail.from", "bantin"), Map.of()))
                .getMessage().startsWith("mail.from must be an address"));
    }
}
