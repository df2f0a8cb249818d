package vn.cdht.pipelines.ingest;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import vn.cdht.pipelines.spark.SqlScript;
import vn.cdht.warehouse.privacy.CitizenKey;
import vn.cdht.warehouse.reference.Reorganisation;

/**
 * Registers the functions the SQL models use: the parsing rules of {@code sql/functions/parsing.sql}, and
 * {@code cdht_citizen_key}, the keyed pseudonym, as a Java function so that its secret never appears in SQL text,
 * query plans or logs.
 */
public final class PipelineFunctions {

    private PipelineFunctions() {
    }

    public static void register(SparkSession spark, CitizenKey citizenKey) {
        SqlScript.run(spark, "sql/functions/parsing.sql", Map.of("reorganisation_date", Reorganisation.DATE.toString()));
        spark.udf().register("cdht_citizen_key", (UDF1<String, String>) citizenKey::of, DataTypes.StringType);
    }
}
