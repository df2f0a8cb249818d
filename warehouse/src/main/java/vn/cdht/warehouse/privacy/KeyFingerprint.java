package vn.cdht.warehouse.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What identifies a pseudonymisation secret without revealing it: HMAC-SHA256 of a fixed label under the secret, as 64
 * hex digits. The same secret always has the same fingerprint; the fingerprint does not help to find the secret.
 */
public record KeyFingerprint(String hex) {

    static final String LABEL = "cdht pseudonym key fingerprint v1";

    public KeyFingerprint {
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a key fingerprint is 64 lower-case hex digits, not '" + hex + "'");
        }
    }

    public static KeyFingerprint of(PseudonymSecret secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            return new KeyFingerprint(HexFormat.of().formatHex(mac.doFinal(LABEL.getBytes(StandardCharsets.US_ASCII))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The first 8 hex digits, enough to tell secrets apart in a message. */
    public String shortForm() {
        return hex.substring(0, 8);
    }

    @Override
    public String toString() {
        return shortForm();
    }
}
