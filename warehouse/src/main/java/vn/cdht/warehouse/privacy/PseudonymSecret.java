package vn.cdht.warehouse.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.config.ConfigException;

/**
 * The secret key of the citizen pseudonym ({@link CitizenKey}). Production supplies it ({@code pseudonym.secret},
 * best as the environment variable {@code CDHT_PSEUDONYM_SECRET}, or a file at {@code pseudonym.secret-file});
 * the demo generates one under the home folder. Changing it changes every citizen_key.
 */
public final class PseudonymSecret {

    private final byte[] key;

    private PseudonymSecret(byte[] key) {
        if (key.length < 16) {
            throw new ConfigException("the pseudonymisation secret must be at least 16 bytes long");
        }
        this.key = key.clone();
    }

    public static PseudonymSecret of(byte[] key) {
        return new PseudonymSecret(key);
    }

    public byte[] key() {
        return key.clone();
    }

    /** The configured secret; fails with what to do when there is none. */
    public static PseudonymSecret load(CdhtConfig config) {
        return find(config).orElseThrow(() -> new ConfigException(
                "no pseudonymisation secret: set pseudonym.secret (CDHT_PSEUDONYM_SECRET) or put one in "
                        + config.get("pseudonym.secret-file", "the pseudonym.secret-file")
                        + " (cdht demo generates one for the embedded installation)"));
    }

    /** The configured secret, or a new random one written to {@code pseudonym.secret-file} (embedded use only). */
    public static PseudonymSecret loadOrGenerate(CdhtConfig config) {
        Optional<PseudonymSecret> existing = find(config);
        if (existing.isPresent()) {
            return existing.get();
        }
        Path file = Path.of(config.require("pseudonym.secret-file"));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                // a new folder is the secret's own (<home>/secrets); one that exists may be shared, and is left alone
                OwnerOnly.createDirectories(folder);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        } catch (IOException e) {
            throw new ConfigException("cannot write the pseudonymisation secret to " + file + ": " + e.getMessage());
        }
        return new PseudonymSecret(key);
    }

    /** The configured secret: {@code pseudonym.secret}, else the file {@code pseudonym.secret-file} if it exists. */
    public static Optional<PseudonymSecret> find(CdhtConfig config) {
        Optional<String> inline = config.find("pseudonym.secret");
        if (inline.isPresent()) {
            return Optional.of(parse(inline.get()));
        }
        return config.find("pseudonym.secret-file").map(Path::of).filter(Files::isRegularFile).map(PseudonymSecret::read);
    }

    /** A secret given as text: base64, or else the text's own bytes. */
    public static PseudonymSecret parse(String text) {
        return new PseudonymSecret(decode(text));
    }

    /** The secret in a file (its text without surrounding white space, as {@link #parse} reads it). */
    public static PseudonymSecret read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new ConfigException("cannot read the pseudonymisation secret " + file + ": " + e.getMessage());
        }
    }

    /** Base64 if it decodes as such, otherwise the text's bytes. */
    private static byte[] decode(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
