package vn.cdht.pipelines.ingest;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import vn.cdht.pipelines.source.SourceEntity;
import vn.cdht.pipelines.spark.SqlScript;

/**
 * Creates the namespaces and tables ingestion writes, if missing: {@code raw.<entity>} (every source field as text,
 * plus where the row came from; its schema follows the source contract) and the tables defined in the warehouse
 * module ({@code tables/<namespace>/<table>.sql}).
 */
public final class IngestTables {

    public static final List<String> DEFINED = List.of(
            "core/units", "core/accounts", "core/self_assessments", "core/recognitions", "core/population",
            "core/yearly_assessments", "restricted/citizens", "quarantine/rows");

    private IngestTables() {
    }

    public static void ensure(SparkSession spark) {
        for (String ns : List.of("raw", "core", "restricted", "quarantine")) {
            spark.sql("CREATE NAMESPACE IF NOT EXISTS " + ns);
        }
        for (SourceEntity e : SourceEntity.values()) {
            spark.sql(rawTableDdl(e));
        }
        DEFINED.forEach(t -> SqlScript.run(spark, "tables/" + t + ".sql"));
    }

    /** raw.<entity>: the rows as received (restricted: they hold personal data). */
    static String rawTableDdl(SourceEntity e) {
        String fields = e.fieldNames().stream().map(f -> "    " + f + " STRING").collect(Collectors.joining(",\n"));
        return "CREATE TABLE IF NOT EXISTS raw." + e.table() + " (\n" + fields + ",\n"
                + "    batch_id STRING,\n    file_name STRING,\n    row_number BIGINT,\n    raw_line STRING,\n"
                + "    ingested_at TIMESTAMP\n) USING iceberg PARTITIONED BY (batch_id)"
                + " TBLPROPERTIES ('format-version' = '2')";
    }
}
