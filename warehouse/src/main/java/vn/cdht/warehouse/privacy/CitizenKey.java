package vn.cdht.warehouse.privacy;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonym of a citizen: HMAC-SHA256 of the normalised 12-digit CCCD under the secret, as 64 hex digits.
 * The same CCCD always gives the same key under the same secret; without the secret the CCCD cannot be recovered or
 * tested by trying all numbers.
 */
public final class CitizenKey implements Serializable {

    private static final long serialVersionUID = 1L;
    private final byte[] secret;
    private transient Mac mac;

    public CitizenKey(PseudonymSecret secret) {
        this.secret = secret.key();
    }

    /** The key of a normalised CCCD; null for null. */
    public String of(String normalisedCitizenId) {
        if (normalisedCitizenId == null) {
            return null;
        }
        return HexFormat.of().formatHex(mac().doFinal(normalisedCitizenId.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac mac() {
        if (mac == null) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        }
        return mac;
    }
}
