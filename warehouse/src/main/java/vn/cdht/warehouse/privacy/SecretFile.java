package vn.cdht.warehouse.privacy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import vn.cdht.warehouse.config.ConfigException;

/** Writes a pseudonymisation secret to its file: base64, readable by the owner only, replaced atomically. */
public final class SecretFile {

    private SecretFile() {
    }

    public static void write(Path file, PseudonymSecret secret) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path tmp = ownerOnlyTempFile(target);
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.write(ByteBuffer.wrap((Base64.getEncoder().encodeToString(secret.key()) + "\n")
                            .getBytes(StandardCharsets.US_ASCII)));
                    ch.force(true); // a replaced key that is not on disk yet would be lost in a crash
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ConfigException("cannot write the pseudonymisation secret to " + target + ": " + e.getMessage());
        }
    }

    private static Path ownerOnlyTempFile(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        try {
            return Files.createTempFile(target.getParent(), prefix, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(target.getParent(), prefix, ".tmp");
        }
    }
}
