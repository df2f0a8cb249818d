package vn.cdht.pipelines.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import vn.cdht.warehouse.catalog.CatalogSettings;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.privacy.OwnerOnly;
import vn.cdht.warehouse.config.VietnamTime;

/**
 * Builds the SparkSession from the configuration: master, the Iceberg catalog as default catalog, and any
 * {@code spark.conf.*} setting. The same code runs locally and on a cluster; only the configuration differs.
 */
public final class SparkSessions {

    /** Hadoop's umask for the files Spark and Iceberg write on a local warehouse. */
    public static final String OWNER_ONLY_UMASK = "077";

    private SparkSessions() {
    }

    public static SparkSession create(CdhtConfig config) {
        CatalogSettings catalog = CatalogSettings.from(config);
        catalog.sqliteFile().ifPresent(SparkSessions::createParent);
        // No IcebergSparkSessionExtensions: Spark 4.1 runs MERGE INTO, DELETE and INSERT OVERWRITE on Iceberg natively,
        // and the extensions' parser does not delegate parseRoutineParam, which breaks the SQL functions of
        // sql/functions/*.sql (CREATE TEMPORARY FUNCTION ... RETURN ...). Table maintenance uses Iceberg's Java API.
        SparkSession.Builder builder = SparkSession.builder()
                .appName(config.get("spark.app-name", "cdht"))
                .config("spark.sql.defaultCatalog", catalog.name())
                .config("spark.sql.shuffle.partitions", String.valueOf(config.requireInt("spark.shuffle-partitions")))
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.sql.session.timeZone", VietnamTime.ZONE.getId())
                .config("spark.sql.debug.maxToStringFields", "1000")
                // INSERT OVERWRITE replaces only the partitions it writes (a batch's own rows in raw and quarantine).
                .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
                // A write BY NAME that lacks a column of its table fails instead of writing NULL into it: a column a
                // migration added must be given a value by its model (MERGE ... UPDATE SET * already requires it).
                .config("spark.sql.defaultColumn.useNullsForMissingDefaultValues", "false");
        // Under spark-submit the master comes from the submit command; otherwise from the configuration.
        if (System.getProperty("spark.master") == null) {
            builder.master(config.require("spark.master"));
        }
        config.find("spark.local-dir").ifPresent(dir -> {
            createParent(Path.of(dir, "x"));
            builder.config("spark.local.dir", dir);
        });
        if (OwnerOnly.localPath(catalog.warehouse()).isPresent()) {
            // a local warehouse (and staging): files rw-------, folders rwx------, whatever the process umask; on
            // HDFS or object storage access is theirs to control, so the umask is left alone there
            builder.config("spark.hadoop.fs.permissions.umask-mode", OWNER_ONLY_UMASK);
        }
        catalog.sparkConf().forEach(builder::config);
        config.subset("spark.conf").forEach(builder::config);
        return builder.getOrCreate();
    }

    private static void createParent(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create folder " + file.getParent(), e);
        }
    }
}
