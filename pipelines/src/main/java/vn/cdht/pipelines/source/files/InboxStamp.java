package vn.cdht.pipelines.source.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an inbox entry (a batch folder or a .zip) looks like without reading it: a digest of the relative name, size and
 * modification time of each of its files. Equal to the stamp recorded when its batch was ingested, the entry is
 * taken as that batch without hashing its contents; any difference and it is read and hashed as always.
 */
public final class InboxStamp {

    private InboxStamp() {
    }

    /** The stamp, or null when the entry cannot be listed (it is then read as usual, and fails there if it must). */
    public static String of(Path entry) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(entry)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(entry, FileVisitOption.FOLLOW_LINKS)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    md.update(line(entry.relativize(f).toString(), f));
                }
            } else {
                md.update(line("", entry));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] line(String name, Path file) throws IOException {
        return (name + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis() + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
