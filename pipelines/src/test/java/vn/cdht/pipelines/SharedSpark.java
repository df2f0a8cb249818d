package vn.cdht.pipelines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import vn.cdht.pipelines.spark.SparkSessions;
import vn.cdht.warehouse.config.CdhtConfig;

/** One SparkSession per test JVM, on an embedded warehouse in a temporary home. */
public final class SharedSpark {

    private static SparkSession spark;
    private static CdhtConfig config;

    private SharedSpark() {
    }

    public static synchronized CdhtConfig config() {
        if (config == null) {
            try {
                Path home = Files.createTempDirectory("cdht-test-");
                config = CdhtConfig.of(home, Map.of("spark.master", "local[2]", "spark.shuffle-partitions", "2"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return config;
    }

    public static synchronized SparkSession session() {
        if (spark == null) {
            spark = SparkSessions.create(config());
            Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
        }
        return spark;
    }
}
