package vn.cdht.pipelines.delta;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code core.changes}: for every key a batch changed in an account-scoped core table, the account (and for an account
 * its citizen_key) of the old and of the new version; or one row {@code version = 'all'} when everything that reads a
 * table has to be rebuilt (a first load into an empty table, a re-keying of every citizen).
 */
public final class ChangeSet {

    public static final String TABLE = "core.changes";

    private ChangeSet() {
    }

    /** Records that {@code entity} changed as a whole: what is maintained from it is rebuilt. */
    public static void recordRebuild(SparkSession spark, String batchId, String entity) {
        spark.sql("INSERT INTO " + TABLE + " BY NAME SELECT '" + batchId.replace("'", "''") + "' AS batch_id, '" + entity
                + "' AS entity, 'all' AS version, CAST(NULL AS STRING) AS account_id, CAST(NULL AS STRING) AS citizen_key,"
                + " current_timestamp() AS recorded_at");
    }

    /** The changes one batch recorded (every attempt of it). */
    static Dataset<Row> ofBatch(SparkSession spark, String batchId) {
        return spark.sql("SELECT version, account_id, citizen_key FROM " + TABLE + " WHERE batch_id = '"
                + batchId.replace("'", "''") + "'");
    }

    /**
     * The changes appended after snapshot {@code from} (exclusive; null: every change) up to {@code to}, by an Iceberg
     * incremental append scan: the table is only ever appended to, and a compaction's replace commits add nothing.
     */
    static Dataset<Row> appendedBetween(SparkSession spark, Long from, long to) {
        Dataset<Row> rows = from == null
                ? spark.read().option("snapshot-id", to).table(TABLE)
                : from == to
                        ? spark.table(TABLE).limit(0)
                        : spark.read().option("start-snapshot-id", from).option("end-snapshot-id", to).table(TABLE);
        return rows.select("version", "account_id", "citizen_key");
    }
}
