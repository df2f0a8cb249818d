package vn.cdht.pipelines.source.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import vn.cdht.pipelines.source.SourceEntity;

/**
 * The files of an export batch: a folder (searched recursively) or a {@code .zip}, which is extracted, streaming, to a
 * temporary folder first. Directories, hidden files, {@code __MACOSX/} and Excel lock files ({@code ~$…}) are skipped;
 * every other file is listed, matched to an entity and a format or marked as ignored.
 *
 * <p>Close it to delete the temporary folder it created for a zip (a caller-provided folder is left alone).
 */
public final class BatchFiles implements AutoCloseable {

    private final Path source;
    private final List<SourceFile> files;
    private final Path ownedTempDir;

    private BatchFiles(Path source, List<SourceFile> files, Path ownedTempDir) {
        this.source = source;
        this.files = List.copyOf(files);
        this.ownedTempDir = ownedTempDir;
    }

    /** Lists a batch folder, or extracts a batch zip to a new temporary folder deleted by {@link #close()}. */
    public static BatchFiles open(Path batch) {
        return open(batch, null);
    }

    /**
     * Lists a batch folder, or extracts a batch zip into {@code extractDir} (created if needed; a new temporary folder
     * when null).
     */
    public static BatchFiles open(Path batch, Path extractDir) {
        String label = batch.toString();
        if (Files.isDirectory(batch)) {
            return new BatchFiles(batch, listFolder(batch, label), null);
        }
        if (!Files.exists(batch)) {
            throw new SourceFileException(label + ": batch does not exist");
        }
        if (!Files.isRegularFile(batch) || !batch.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new SourceFileException(label + ": a batch must be a folder or a .zip file");
        }
        Path target;
        Path owned = null;
        try {
            if (extractDir == null) {
                target = Files.createTempDirectory("cdht-batch-");
                owned = target;
            } else {
                target = Files.createDirectories(extractDir);
            }
        } catch (IOException e) {
            throw new SourceFileException(label + ": cannot create a folder to extract the zip (" + e + ")", e);
        }
        try {
            return new BatchFiles(batch, extractZip(batch, target, label), owned);
        } catch (RuntimeException e) {
            if (owned != null) {
                deleteTree(owned);
            }
            throw e;
        }
    }

    /** The folder or zip this batch was opened from. */
    public Path source() {
        return source;
    }

    /** Every file, sorted by name; ignored ones included (see {@link SourceFile#ignoredReason()}). */
    public List<SourceFile> files() {
        return files;
    }

    /** The files to read: a known entity in a known format. */
    public List<SourceFile> matched() {
        return files.stream().filter(SourceFile::matched).toList();
    }

    /** The files that are not read, to be listed in the batch report. */
    public List<SourceFile> ignored() {
        return files.stream().filter(f -> !f.matched()).toList();
    }

    /**
     * The batch's checksum: SHA-256 (hex) over the sorted lines {@code name:sha256\n} of the matched files, so that a
     * folder and a zip holding the same files have the same checksum.
     */
    public String checksum() {
        return checksum(matched());
    }

    public static String checksum(List<SourceFile> files) {
        MessageDigest digest = sha256();
        files.stream().map(f -> f.name() + ":" + f.sha256() + "\n").sorted()
                .forEach(line -> digest.update(line.getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() {
        if (ownedTempDir != null) {
            deleteTree(ownedTempDir);
        }
    }

    private static List<SourceFile> listFolder(Path folder, String label) {
        List<SourceFile> out = new ArrayList<>();
        // the real path, so that a batch folder reached through a symbolic link (an inbox entry) is walked too
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            throw new SourceFileException(label + ": cannot list the batch folder (" + e.getMessage() + ")", e);
        }
        try (Stream<Path> walk = Files.walk(real)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p) && !skipped(real.relativize(p).toString())) {
                    out.add(describe(p, hash(p)));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new SourceFileException(label + ": cannot list the batch folder (" + e.getMessage() + ")", e);
        }
        out.sort(Comparator.comparing(SourceFile::name).thenComparing(f -> f.path().toString()));
        return out;
    }

    private static List<SourceFile> extractZip(Path zip, Path target, String label) {
        List<SourceFile> out = new ArrayList<>();
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile zf = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            Enumeration<? extends ZipEntry> entries = zf.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().replace('\\', '/');
                Path dest = root.resolve(name).normalize();
                if (!dest.startsWith(root)) {
                    throw new SourceFileException(label + ": zip entry '" + name + "' points outside the batch");
                }
                if (entry.isDirectory() || name.endsWith("/") || skipped(name)) {
                    continue;
                }
                Files.createDirectories(dest.getParent());
                MessageDigest digest = sha256();
                try (InputStream in = new DigestInputStream(zf.getInputStream(entry), digest);
                     OutputStream os = Files.newOutputStream(dest)) {
                    in.transferTo(os);
                }
                out.add(describe(dest, HexFormat.of().formatHex(digest.digest())));
            }
        } catch (ZipException | IllegalArgumentException e) {
            throw new SourceFileException(label + ": not a readable zip file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new SourceFileException(label + ": cannot extract the zip (" + e.getMessage() + ")", e);
        }
        out.sort(Comparator.comparing(SourceFile::name).thenComparing(f -> f.path().toString()));
        return out;
    }

    static SourceFile describeFile(Path path) {
        try {
            return describe(path, hash(path));
        } catch (IOException e) {
            throw new SourceFileException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static SourceFile describe(Path path, String sha256) throws IOException {
        String name = path.getFileName().toString();
        return new SourceFile(name, path, SourceEntity.forFileName(name), SourceFormat.forFileName(name),
                Files.size(path), sha256);
    }

    /** Hidden files and folders, macOS resource forks and Excel lock files are not part of a batch. */
    static boolean skipped(String relativePath) {
        for (String segment : relativePath.replace('\\', '/').split("/")) {
            if (segment.startsWith(".") || segment.startsWith("~$") || segment.equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    private static String hash(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort: a leftover temporary folder is not worth failing the batch for
        }
    }
}
