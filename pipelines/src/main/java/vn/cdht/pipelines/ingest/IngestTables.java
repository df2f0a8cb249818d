package vn.cdht.pipelines.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import vn.cdht.pipelines.spark.SqlScript;
import vn.cdht.warehouse.privacy.OwnerOnly;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * Creates the namespaces and tables ingestion writes, if missing: {@code raw.<entity>} (every source field as text,
 * plus where the row came from; its schema follows the source contract) and the tables defined in the warehouse
 * module ({@code tables/<namespace>/<table>.sql}).
 */
public final class IngestTables {

    public static final List<String> DEFINED = List.of(
            "core/units", "core/accounts", "core/self_assessments", "core/recognitions", "core/population",
            "core/yearly_assessments", "restricted/citizens", "quarantine/rows");

    /** The namespaces whose tables hold personal data (CCCD, names, raw rows). */
    public static final List<String> PERSONAL = List.of("raw", "restricted", "quarantine");

    private IngestTables() {
    }

    public static void ensure(SparkSession spark) {
        for (String ns : List.of("raw", "core", "restricted", "quarantine")) {
            spark.sql("CREATE NAMESPACE IF NOT EXISTS " + ns);
        }
        // before any table is created in them, so that no file of theirs is ever readable by others
        PERSONAL.forEach(ns -> ownerOnly(spark, ns));
        for (SourceEntity e : SourceEntity.values()) {
            spark.sql(rawTableDdl(e));
        }
        DEFINED.forEach(t -> SqlScript.run(spark, "tables/" + t + ".sql"));
    }

    /** A namespace's folder on a local warehouse, owner-only (rwx------); object storage keeps its own ACLs. */
    static void ownerOnly(SparkSession spark, String ns) {
        Optional<Path> folder = spark.sql("DESCRIBE NAMESPACE " + ns).collectAsList().stream()
                .filter(r -> "Location".equalsIgnoreCase(r.getString(0)) && r.getString(1) != null && !r.getString(1).isBlank())
                .findFirst().flatMap(r -> OwnerOnly.localPath(r.getString(1)));
        if (folder.isPresent()) {
            try {
                OwnerOnly.createDirectories(folder.get());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make the folder of namespace " + ns + " (" + folder.get()
                        + ") readable by its owner only: " + e.getMessage(), e);
            }
        }
    }

    /** raw.<entity>: the rows as received (restricted: they hold personal data). */
    static String rawTableDdl(SourceEntity e) {
        String fields = e.fieldNames().stream().map(f -> "    " + f + " STRING").collect(Collectors.joining(",\n"));
        return "CREATE TABLE IF NOT EXISTS raw." + e.table() + " (\n" + fields + ",\n"
                + "    batch_id STRING,\n    file_name STRING,\n    row_number BIGINT,\n    raw_line STRING,\n"
                + "    ingested_at TIMESTAMP\n) USING iceberg PARTITIONED BY (batch_id)"
                // one batch is one partition: no shuffle to cluster rows by it before writing
                + " TBLPROPERTIES ('format-version' = '2', 'write.distribution-mode' = 'none')";
    }
}
