package vn.cdht.pipelines.spark;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the result of a {@link SqlModel} as an Iceberg table in one atomic commit, replacing its previous content.
 * A fingerprint of the model's inputs is kept as a table property so that a load with unchanged inputs is skipped.
 */
public final class TableMaterializer {

    public static final String FINGERPRINT = "cdht.fingerprint";

    private final SparkSession spark;

    public TableMaterializer(SparkSession spark) {
        this.spark = spark;
    }

    public void ensureNamespace(String namespace) {
        spark.sql("CREATE NAMESPACE IF NOT EXISTS " + namespace);
    }

    public Optional<String> fingerprint(String qualifiedTable) {
        if (!exists(qualifiedTable)) {
            return Optional.empty();
        }
        List<Row> rows = spark.sql("SHOW TBLPROPERTIES " + qualifiedTable + " ('" + FINGERPRINT + "')").collectAsList();
        return rows.stream().map(r -> r.getString(1)).filter(v -> v != null && !v.contains("does not have property")).findFirst();
    }

    public boolean exists(String qualifiedTable) {
        return spark.catalog().tableExists(qualifiedTable);
    }

    /** Replaces the table's content with the model's result (creates the table the first time). */
    public void replace(SqlModel model, String fingerprint) {
        spark.sql("CREATE OR REPLACE TABLE " + model.qualifiedName() + " USING iceberg"
                + " TBLPROPERTIES ('format-version' = '2', '" + FINGERPRINT + "' = '" + fingerprint + "')"
                + " AS " + model.select());
    }
}
