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
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * The files of an export batch: a folder (searched recursively) or a {@code .zip}, which is extracted, streaming and
 * within {@link ExtractionLimits}, to a folder first. Directories, hidden files, {@code __MACOSX/} and Excel lock
 * files ({@code ~$…}) are skipped; every other file is listed, matched to an entity and a format (by its last path
 * segment) or marked as ignored.
 *
 * <p>A file's name is its path, '/'-separated, relative to the deepest folder that holds every file of the batch:
 * {@code sub1/tai_khoan.csv} and {@code sub2/tai_khoan.csv} are two files; a flat batch keeps bare names; and a zip
 * of the batch folder (everything under one top folder) names its files as the folder does, so both have the same
 * checksum.
 *
 * <p>Close it to delete the folder it created for a zip (a caller-provided folder is left alone).
 */
public final class BatchFiles implements AutoCloseable {

    /** The longest name the ledger keeps (ingest_file.file_name is VARCHAR(255)). */
    static final int MAX_NAME_CHARS = 255;

    private final Path source;
    private final List<SourceFile> files;
    private final Path ownedTempDir;

    private BatchFiles(Path source, List<SourceFile> files, Path ownedTempDir) {
        this.source = source;
        this.files = List.copyOf(files);
        this.ownedTempDir = ownedTempDir;
    }

    /** Lists a batch folder, or extracts a batch zip (default limits) to a new temporary folder deleted by close. */
    public static BatchFiles open(Path batch) {
        return open(batch, ExtractionLimits.DEFAULTS, null);
    }

    /**
     * Lists a batch folder, or extracts a batch zip (default limits) into {@code extractDir}, created if needed and
     * left alone afterwards (a new temporary folder deleted by {@link #close()} when null).
     */
    public static BatchFiles open(Path batch, Path extractDir) {
        if (extractDir == null) {
            return open(batch, ExtractionLimits.DEFAULTS, null);
        }
        String label = batch.toString();
        if (Files.isDirectory(batch)) {
            return new BatchFiles(batch, listFolder(batch, label), null);
        }
        requireZip(batch, label);
        try {
            Files.createDirectories(extractDir);
        } catch (IOException e) {
            throw new SourceFileException(label + ": cannot create a folder to extract the zip (" + e + ")", e);
        }
        return extract(batch, label, ExtractionLimits.DEFAULTS, extractDir, false);
    }

    /**
     * Lists a batch folder, or extracts a batch zip within {@code limits} into a new folder {@code unzip-<random>}
     * inside {@code workDir} (created if needed; the system temporary folder when null). That folder is deleted by
     * {@link #close()}, or at once when the extraction fails.
     */
    public static BatchFiles open(Path batch, ExtractionLimits limits, Path workDir) {
        String label = batch.toString();
        if (Files.isDirectory(batch)) {
            return new BatchFiles(batch, listFolder(batch, label), null);
        }
        requireZip(batch, label);
        Path target;
        try {
            target = workDir == null ? Files.createTempDirectory("unzip-")
                    : Files.createTempDirectory(Files.createDirectories(workDir), "unzip-");
        } catch (IOException e) {
            throw new SourceFileException(label + ": cannot create a folder to extract the zip (" + e + ")", e);
        }
        return extract(batch, label, limits, target, true);
    }

    private static void requireZip(Path batch, String label) {
        if (!Files.exists(batch)) {
            throw new SourceFileException(label + ": batch does not exist");
        }
        if (!Files.isRegularFile(batch) || !batch.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new SourceFileException(label + ": a batch must be a folder or a .zip file");
        }
    }

    private static BatchFiles extract(Path zip, String label, ExtractionLimits limits, Path target, boolean owned) {
        boolean done = false;
        try {
            List<BatchEntry> found = new ZipExtraction(zip, label, limits).extractTo(target);
            BatchFiles batch = new BatchFiles(zip, describe(found, label), owned ? target : null);
            done = true;
            return batch;
        } finally {
            if (owned && !done) {
                deleteTree(target);
            }
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
        List<BatchEntry> found = new ArrayList<>();
        // the real path, so that a batch folder reached through a symbolic link (an inbox entry) is walked too
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            throw new SourceFileException(label + ": cannot list the batch folder (" + e.getMessage() + ")", e);
        }
        try (Stream<Path> walk = Files.walk(real)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String relative = slashed(real.relativize(p));
                if (Files.isRegularFile(p) && !skipped(relative)) {
                    found.add(new BatchEntry(relative, p, Files.size(p), hash(p)));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new SourceFileException(label + ": cannot list the batch folder (" + e.getMessage() + ")", e);
        }
        return describe(found, label);
    }

    /** Names the files relative to the deepest folder holding all of them, sorted by name. */
    private static List<SourceFile> describe(List<BatchEntry> found, String label) {
        int common = commonFolders(found.stream().map(BatchEntry::relativePath).toList());
        List<SourceFile> out = new ArrayList<>();
        for (BatchEntry f : found) {
            List<String> segments = List.of(f.relativePath().split("/"));
            String name = String.join("/", segments.subList(common, segments.size()));
            if (name.length() > MAX_NAME_CHARS) {
                throw new SourceFileException(label + ": the file '" + name + "' has a path longer than "
                        + MAX_NAME_CHARS + " characters; shorten its folder names and deliver the batch again");
            }
            out.add(describe(name, f.path(), f.size(), f.sha256()));
        }
        out.sort(Comparator.comparing(SourceFile::name));
        return out;
    }

    /** How many leading folders every path shares. */
    static int commonFolders(List<String> relativePaths) {
        if (relativePaths.isEmpty()) {
            return 0;
        }
        String[] first = relativePaths.get(0).split("/");
        int common = first.length - 1;
        for (String path : relativePaths) {
            String[] segments = path.split("/");
            int n = Math.min(common, segments.length - 1);
            int i = 0;
            while (i < n && segments[i].equals(first[i])) {
                i++;
            }
            common = i;
        }
        return common;
    }

    /** A relative path with '/' between its segments, whatever the platform. */
    static String slashed(Path relative) {
        StringBuilder sb = new StringBuilder();
        for (Path segment : relative) {
            if (!segment.toString().isEmpty()) {
                sb.append(sb.isEmpty() ? "" : "/").append(segment);
            }
        }
        return sb.toString();
    }

    static SourceFile describeFile(Path path) {
        try {
            return describe(path.getFileName().toString(), path, Files.size(path), hash(path));
        } catch (IOException e) {
            throw new SourceFileException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static SourceFile describe(String name, Path path, long size, String sha256) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        return new SourceFile(name, path, SourceEntity.forFileName(fileName), SourceFormat.forFileName(fileName), size,
                sha256);
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

    static MessageDigest sha256() {
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
