package vn.cdht.pipelines.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.SparkSession;
import vn.cdht.pipelines.source.SourceRow;
import vn.cdht.warehouse.privacy.OwnerOnly;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * Where rows read by the driver wait for Spark: one Parquet file per source file (or database table), all columns
 * text, in one folder per batch and entity, written through Hadoop's FileSystem so that on a cluster it can be shared
 * storage (ingest.staging-dir = s3a://..., hdfs://...). Parquet rather than JSON lines: Spark reads the columns without
 * parsing text.
 */
public final class StagingArea {

    private static final int MAX_SAFE_CHARS = 100;
    /**
     * Snappy: written and read back about as fast as uncompressed, at a quarter of its size (zstd: a little smaller,
     * slower to write). The file is read once or twice, on the machine that wrote it.
     */
    private static final CompressionCodecName CODEC = CompressionCodecName.SNAPPY;
    /** Row groups are what Spark reads in parallel, and what the driver buffers: a few per big file. */
    private static final long ROW_GROUP_BYTES = 32L << 20;
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
            if (!fs().exists(dir)) {
                return false;
            }
            for (FileStatus f : fs().listStatus(dir)) {
                String name = f.getPath().getName();
                if (f.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
                    return true; // a file Spark reads; one of zero rows is still an entity with files
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A writer for one source file (or database table) of a batch, with the columns of the entity's fields; replaces an
     * earlier attempt's file.
     */
    public Writer open(String batchId, SourceEntity entity, String fileName) {
        return new Writer(new org.apache.hadoop.fs.Path(location(batchId, entity) + "/" + stagedName(fileName)),
                entity, fileName);
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
            return HexFormat.of().formatHex(hash, 0, 6) + "-" + safe + ".parquet";
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

    /**
     * Writes SourceRows as one Parquet file: {@code _file}, {@code _row}, {@code _raw}, then one text column per field of
     * the entity (NULL when the row has no value). Not thread-safe: one reader fills it.
     */
    public final class Writer implements Consumer<SourceRow>, Closeable {
        private final org.apache.hadoop.fs.Path path;
        private final StagedFile output;
        private final ParquetWriter<SourceRow> parquet;
        private long rows;
        private boolean closed;

        private Writer(org.apache.hadoop.fs.Path path, SourceEntity entity, String fileName) {
            this.path = path;
            try {
                this.output = new StagedFile(fs(), path, hadoop);
                this.parquet = new RowWriter.Builder(output, new RowWriter(entity.fieldNames(), fileName))
                        .withConf(hadoop)
                        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                        .withCompressionCodec(CODEC)
                        .withRowGroupSize(ROW_GROUP_BYTES)
                        // dictionaries and statistics made writing cost 2.6 times the JSON lines this replaced
                        // (1.2 times without); the file is read whole, without filters, so they save nothing there
                        .withDictionaryEncoding(false)
                        .withStatisticsEnabled(false)
                        .withSizeStatisticsEnabled(false)
                        .withPageWriteChecksumEnabled(false)
                        .withValidation(false)
                        .build();
            } catch (IOException e) {
                abandonQuietly();
                throw new UncheckedIOException("cannot write staging file " + path + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void accept(SourceRow row) {
            try {
                parquet.write(row);
                rows++;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write staging file " + path + ": " + e.getMessage(), e);
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
            if (!closed) {
                closed = true;
                try {
                    parquet.close();
                } catch (IOException | RuntimeException | FSError ignored) {
                    // what could not be flushed is not wanted (a full local disk is Hadoop's FSError)
                }
            }
            abandonQuietly();
        }

        private void abandonQuietly() {
            if (output != null) {
                output.closeQuietly();
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
            if (closed) {
                return;
            }
            closed = true;
            try {
                parquet.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write staging file " + path + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The staged file as Parquet's output, created through the staging base's FileSystem with the permissions of
     * {@code FileSystem.create} (the umask of the Hadoop configuration: owner-only on a local folder). On a local
     * folder it is written by the raw local FileSystem, without the {@code .crc} side file of Hadoop's
     * LocalFileSystem: the file is read back once, on the same machine. The stream is kept so that a writer that
     * failed (a full disk) can still be closed.
     */
    private static final class StagedFile implements OutputFile {
        private final FileSystem fs;
        private final org.apache.hadoop.fs.Path path;
        private final Configuration conf;
        private org.apache.hadoop.fs.FSDataOutputStream stream;

        StagedFile(FileSystem fs, org.apache.hadoop.fs.Path path, Configuration conf) throws IOException {
            this.path = path;
            this.conf = conf;
            if (fs instanceof ChecksumFileSystem checksummed) {
                checksummed.delete(path, false); // an earlier attempt's file and its .crc, if any
                this.fs = checksummed.getRawFileSystem();
            } else {
                this.fs = fs;
            }
        }

        @Override
        public PositionOutputStream create(long blockSize) throws IOException {
            return open(false);
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSize) throws IOException {
            return open(true);
        }

        private PositionOutputStream open(boolean overwrite) throws IOException {
            FsPermission permission = FsPermission.getFileDefault().applyUMask(FsPermission.getUMask(conf));
            stream = fs.create(path, permission, overwrite, 1 << 16, fs.getDefaultReplication(path),
                    fs.getDefaultBlockSize(path), null);
            return HadoopStreams.wrap(stream);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return path.toString();
        }

        void closeQuietly() {
            if (stream == null) {
                return;
            }
            for (Closeable c : new Closeable[] {stream, stream.getWrappedStream()}) {
                try {
                    c.close();
                } catch (IOException | RuntimeException | FSError ignored) {
                    // what could not be flushed is not wanted
                }
            }
        }
    }

    /** Parquet's view of a SourceRow: the columns of {@link #schema(List)}, written straight from the row. */
    private static final class RowWriter extends WriteSupport<SourceRow> {
        private final MessageType schema;
        private final String[] fields;
        private final Binary file;
        private RecordConsumer out;

        RowWriter(List<String> fields, String fileName) {
            this.schema = schema(fields);
            this.fields = fields.toArray(String[]::new);
            this.file = Binary.fromString(fileName);
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(SourceRow row) {
            out.startMessage();
            out.startField("_file", 0);
            out.addBinary(file);
            out.endField("_file", 0);
            out.startField("_row", 1);
            out.addLong(row.rowNumber());
            out.endField("_row", 1);
            text("_raw", 2, row.raw());
            Map<String, String> values = row.values();
            for (int i = 0; i < fields.length; i++) {
                text(fields[i], i + 3, values.get(fields[i]));
            }
            out.endMessage();
        }

        private void text(String field, int index, String value) {
            if (value != null) {
                out.startField(field, index);
                out.addBinary(Binary.fromString(value));
                out.endField(field, index);
            }
        }

        static final class Builder extends ParquetWriter.Builder<SourceRow, Builder> {
            private final RowWriter rows;

            Builder(OutputFile file, RowWriter rows) {
                super(file);
                this.rows = rows;
            }

            @Override
            protected Builder self() {
                return this;
            }

            @Override
            protected WriteSupport<SourceRow> getWriteSupport(Configuration conf) {
                return rows;
            }
        }
    }

    /**
     * The staged files' columns: {@code _file} (the source file's name), {@code _row} (its row number), {@code _raw}
     * (the row as received), then the entity's fields in order, all text.
     */
    static MessageType schema(List<String> fields) {
        Types.GroupBuilder<MessageType> b = Types.buildMessage()
                .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("_file")
                .required(PrimitiveTypeName.INT64).named("_row")
                .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("_raw");
        for (String f : fields) {
            b = b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(f);
        }
        return b.named("staged_row");
    }
}
