package vn.cdht.pipelines.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import vn.cdht.pipelines.source.SourceEntity;
import vn.cdht.pipelines.source.SourceRow;
import vn.cdht.warehouse.privacy.OwnerOnly;

/**
 * Where rows read by the driver wait for Spark: JSON lines, one folder per batch and entity, written through Hadoop's
 * FileSystem so that on a cluster it can be shared storage (ingest.staging-dir = s3a://..., hdfs://...).
 */
public final class StagingArea {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_SAFE_CHARS = 100;
    private final String base;
    private final Configuration hadoop;

    public StagingArea(String base, SparkSession spark) {
        this.base = toUri(base);
        this.hadoop = spark.sparkContext().hadoopConfiguration();
        createOwnerOnly(this.base);
    }

    /** Staged rows hold personal data: a local staging folder is the owner's alone (shared storage has its own ACLs). */
    private static void createOwnerOnly(String base) {
        OwnerOnly.localPath(base).ifPresent(folder -> {
            try {
                OwnerOnly.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the staging folder " + folder + ": " + e.getMessage(), e);
            }
        });
    }

    /** The staging folder (a URI). */
    public String base() {
        return base;
    }

    public String location(String batchId, SourceEntity entity) {
        return base + "/" + batchId + "/" + entity.table();
    }

    public boolean has(String batchId, SourceEntity entity) {
        try {
            org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(location(batchId, entity));
            return fs().exists(dir) && fs().listStatus(dir).length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A writer for one source file (or database table) of a batch; replaces an earlier attempt's file. */
    public Writer open(String batchId, SourceEntity entity, String fileName) {
        return new Writer(new org.apache.hadoop.fs.Path(location(batchId, entity) + "/" + stagedName(fileName)),
                fileName);
    }

    /**
     * The staged file of a source file: a hash of its exact name, so that {@code sub1/a.csv} and {@code sub1_a.csv}
     * stay apart, then the name made safe and cut short. The hash comes first because Spark skips files whose name
     * starts with '_' or '.'.
     */
    static String stagedName(String fileName) {
        String safe = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > MAX_SAFE_CHARS) {
            safe = safe.substring(0, MAX_SAFE_CHARS);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(fileName.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6) + "-" + safe + ".jsonl";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The local folder of the staging area, empty when it is shared storage (s3a://, hdfs://...). */
    public Optional<Path> localFolder() {
        return localFolder(base);
    }

    /** The local folder of a configured staging location ({@code ingest.staging-dir}), if it is one. */
    public static Optional<Path> localFolder(String configured) {
        URI uri = URI.create(toUri(configured));
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(uri));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a file: URI Java cannot map to a path, such as file:relative
        }
    }

    public void delete(String batchId) {
        try {
            fs().delete(new org.apache.hadoop.fs.Path(base + "/" + batchId), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileSystem fs() throws IOException {
        return FileSystem.get(URI.create(base), hadoop);
    }

    private static String toUri(String base) {
        if (base.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }
        String uri = Path.of(base).toAbsolutePath().normalize().toUri().toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /** Writes SourceRows as JSON lines: {"_file": ..., "_row": ..., "_raw": ..., field: value, ...}. */
    public final class Writer implements Consumer<SourceRow>, Closeable {
        private final JsonGenerator json;
        private final org.apache.hadoop.fs.FSDataOutputStream file;
        private final org.apache.hadoop.fs.Path path;
        private final String fileName;
        private long rows;

        private Writer(org.apache.hadoop.fs.Path path, String fileName) {
            this.fileName = fileName;
            this.path = path;
            try {
                this.file = fs().create(path, true);
                this.json = JSON.createGenerator((java.io.OutputStream) new java.io.BufferedOutputStream(file, 1 << 16));
                json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write staging file " + path, e);
            }
        }

        @Override
        public void accept(SourceRow row) {
            try {
                json.writeStartObject();
                json.writeStringField("_file", fileName);
                json.writeNumberField("_row", row.rowNumber());
                json.writeStringField("_raw", row.raw());
                for (Map.Entry<String, String> e : row.values().entrySet()) {
                    if (e.getValue() != null) {
                        json.writeStringField(e.getKey(), e.getValue());
                    }
                }
                json.writeEndObject();
                rows++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public long rows() {
            return rows;
        }

        /**
         * Closes whatever can be closed and removes the file, ignoring write errors: the batch failed (a full disk).
         * A file deleted while still open would keep its space until the process ends.
         */
        public void abandon() {
            for (Closeable c : new Closeable[] {json, file, file.getWrappedStream()}) {
                try {
                    c.close();
                } catch (IOException | RuntimeException ignored) {
                    // what could not be flushed is not wanted
                }
            }
            try {
                fs().delete(path, false);
            } catch (IOException ignored) {
                // the batch's staging folder is deleted next
            }
        }

        /** Closes and removes the file: its source file was rejected. */
        public void discard() {
            close();
            try {
                fs().delete(path, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            if (json.isClosed()) {
                return;
            }
            try {
                json.writeRaw('\n');
                json.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
