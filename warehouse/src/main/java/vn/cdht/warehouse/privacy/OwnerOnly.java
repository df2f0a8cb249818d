package vn.cdht.warehouse.privacy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Folders and files of personal data (the pseudonym secret, staging, the raw, restricted and quarantine tables,
 * unit lists), readable by their owner alone whatever the umask: folders rwx------, files rw-------. Only local
 * paths: object storage (s3a://, ...) and HDFS keep to their own access control.
 */
public final class OwnerOnly {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /**
     * Creates {@code folder} owner-only, or makes it so if it exists; missing parents are created as usual (they
     * may hold what others read, such as the analyst database in the home folder).
     */
    public static Path createDirectories(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        if (!posix(absolute.getParent() == null ? absolute : absolute.getParent())) {
            return Files.createDirectories(folder);
        }
        try {
            // with its mode from the start: no moment in which it is readable by others
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
        } catch (FileAlreadyExistsException existing) {
            if (!Files.isDirectory(absolute)) {
                throw existing;
            }
        }
        restrict(absolute);
        return folder;
    }

    /** Makes a folder rwx------ or a file rw-------; nothing on a file system without POSIX permissions. */
    public static void restrict(Path path) throws IOException {
        if (posix(path)) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? FOLDER : FILE);
        }
    }

    /**
     * The local path of a Hadoop or Iceberg location: a plain path, or a {@code file:} location with the prefix removed
     * as text (Hadoop does not decode it); empty for any other scheme.
     */
    public static Optional<Path> localPath(String location) {
        if (location.startsWith("file://")) {
            return Optional.of(Path.of(location.substring("file://".length())));
        }
        if (location.startsWith("file:")) {
            return Optional.of(Path.of(location.substring("file:".length())));
        }
        if (location.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !location.matches("^[A-Za-z]:\\\\.*")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(location));
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
