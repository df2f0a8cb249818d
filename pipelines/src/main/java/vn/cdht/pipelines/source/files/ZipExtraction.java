package vn.cdht.pipelines.source.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * Extracts a batch zip, streaming, within {@link ExtractionLimits}: bytes are counted as they are written (the sizes
 * the zip declares are never trusted) and the compression ratio is the entry's bytes written over the compressed
 * bytes really inflated so far, so a zip bomb is refused after about {@link ExtractionLimits#RATIO_FREE_BYTES}.
 */
final class ZipExtraction {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path zip;
    private final String label;
    private final ExtractionLimits limits;
    private long written;

    ZipExtraction(Path zip, String label, ExtractionLimits limits) {
        this.zip = zip;
        this.label = label;
        this.limits = limits;
    }

    /** Extracts every file that is part of the batch (see {@link BatchFiles#skipped}) into {@code target}. */
    List<BatchEntry> extractTo(Path target) {
        checkEntryCount();
        Path root = target.toAbsolutePath().normalize();
        List<BatchEntry> out = new ArrayList<>();
        try (ZipFile zf = ZipFile.builder().setPath(zip).setCharset(StandardCharsets.UTF_8).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zf.getEntries());
            if (entries.size() > limits.maxZipEntries()) {
                throw tooManyEntries(entries.size());
            }
            for (ZipArchiveEntry entry : entries) {
                String name = entry.getName().replace('\\', '/');
                Path dest = root.resolve(name).normalize();
                if (!dest.startsWith(root)) {
                    throw new SourceFileException(label + ": zip entry '" + name + "' points outside the batch");
                }
                String relative = BatchFiles.slashed(root.relativize(dest));
                if (entry.isDirectory() || name.endsWith("/") || relative.isEmpty() || BatchFiles.skipped(relative)) {
                    continue;
                }
                if (!zf.canReadEntryData(entry)) {
                    throw new SourceFileException(label + ": zip entry '" + name + "' is encrypted or compressed with"
                            + " an unsupported method; zip the batch again without a password");
                }
                Files.createDirectories(dest.getParent());
                out.add(copy(zf, entry, name, relative, dest));
            }
        } catch (ZipException | IllegalArgumentException e) {
            throw new SourceFileException(label + ": not a readable zip file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new SourceFileException(label + ": cannot extract the zip (" + e.getMessage() + ")", e);
        }
        return out;
    }

    /**
     * The entry count, on the JDK's compact index of the central directory, before commons-compress builds an object
     * per entry (a zip of millions of empty entries must not fill the heap on the way to being refused).
     */
    private void checkEntryCount() {
        try (java.util.zip.ZipFile jdk = new java.util.zip.ZipFile(zip.toFile())) {
            if (jdk.size() > limits.maxZipEntries()) {
                throw tooManyEntries(jdk.size());
            }
        } catch (ZipException e) {
            throw new SourceFileException(label + ": not a readable zip file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new SourceFileException(label + ": cannot read the zip (" + e.getMessage() + ")", e);
        }
    }

    private BatchEntry copy(ZipFile zf, ZipArchiveEntry entry, String name, String relative, Path dest)
            throws IOException {
        MessageDigest digest = BatchFiles.sha256();
        byte[] buf = new byte[BUFFER_BYTES];
        long size = 0;
        try (InputStream in = zf.getInputStream(entry);
             OutputStream os = Files.newOutputStream(dest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                if (written + n > limits.maxZipBytes()) {
                    throw new SourceFileException(label + ": entry '" + name + "' takes the zip past "
                            + limits.maxZipBytes() + " bytes uncompressed (" + ExtractionLimits.MAX_ZIP_BYTES
                            + "); refused, split the batch or raise the limit");
                }
                size += n;
                if (size > ExtractionLimits.RATIO_FREE_BYTES
                        && size > (long) limits.maxCompressionRatio() * compressedSoFar(in, entry)) {
                    throw new SourceFileException(label + ": entry '" + name + "' expands more than "
                            + limits.maxCompressionRatio() + " times its compressed size ("
                            + ExtractionLimits.MAX_COMPRESSION_RATIO + "); refused, raise the limit if the file is"
                            + " genuine");
                }
                os.write(buf, 0, n);
                digest.update(buf, 0, n);
                written += n;
            }
        } catch (FileAlreadyExistsException e) {
            throw new SourceFileException(label + ": zip entry '" + name + "' is in the zip twice (perhaps in other"
                    + " upper and lower case); zip the batch again", e);
        }
        return new BatchEntry(relative, dest, size, HexFormat.of().formatHex(digest.digest()));
    }

    /** The compressed bytes fed to the decompressor so far; every stream commons-compress returns keeps that count. */
    private static long compressedSoFar(InputStream in, ZipArchiveEntry entry) {
        return in instanceof InputStreamStatistics s ? s.getCompressedCount() : Math.max(entry.getCompressedSize(), 1);
    }

    private SourceFileException tooManyEntries(int count) {
        return new SourceFileException(label + ": the zip holds " + count + " entries, more than "
                + limits.maxZipEntries() + " (" + ExtractionLimits.MAX_ZIP_ENTRIES + "); refused, split the batch or"
                + " raise the limit");
    }
}
