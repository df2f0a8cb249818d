package vn.cdht.pipelines.warehouse;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.cdht.warehouse.migration.MigrationVersion;
import vn.cdht.warehouse.migration.SchemaHistoryEntry;

/**
 * The warehouse's schema history, {@code cdht_meta.schema_history}: an Iceberg table in the warehouse it describes, one
 * row per migration (the last attempt), like Flyway's {@code flyway_schema_history}. Each row is written by one MERGE,
 * one commit.
 */
final class SchemaHistory {

    static final String TABLE = "cdht_meta.schema_history";

    private final SparkSession spark;

    SchemaHistory(SparkSession spark) {
        this.spark = spark;
    }

    /** Creates the history table if missing (the migrator's own table, so not a migration). */
    void create() {
        spark.sql("CREATE NAMESPACE IF NOT EXISTS cdht_meta");
        spark.sql("CREATE TABLE IF NOT EXISTS " + TABLE + " (version STRING, description STRING, script STRING,"
                + " checksum STRING, installed_at TIMESTAMP, execution_ms BIGINT, success BOOLEAN, failed_statement INT,"
                + " error STRING) USING iceberg TBLPROPERTIES ('format-version' = '2')");
    }

    boolean exists() {
        return spark.catalog().tableExists(TABLE);
    }

    List<SchemaHistoryEntry> read() {
        if (!exists()) {
            return List.of();
        }
        return spark.sql("SELECT version, description, script, checksum, installed_at, execution_ms, success,"
                + " failed_statement, error FROM " + TABLE).collectAsList().stream().map(SchemaHistory::entry).toList();
    }

    /** Records the migration's last attempt, replacing an earlier (failed) one. */
    void record(SchemaHistoryEntry e) {
        spark.sql("MERGE INTO " + TABLE + " t USING (SELECT " + text(e.version().toString()) + " AS version, "
                + text(e.description()) + " AS description, " + text(e.script()) + " AS script, " + text(e.checksum())
                + " AS checksum, timestamp_millis(" + e.installedAt().toEpochMilli() + ") AS installed_at, "
                + e.executionMs() + "L AS execution_ms, " + e.success() + " AS success, CAST("
                + (e.failedStatement() == null ? "NULL" : e.failedStatement()) + " AS INT) AS failed_statement, "
                + (e.error() == null ? "CAST(NULL AS STRING)" : text(e.error())) + " AS error) s ON t.version = s.version"
                + " WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *");
    }

    private static SchemaHistoryEntry entry(Row r) {
        return new SchemaHistoryEntry(MigrationVersion.parse(r.getString(0)), r.getString(1), r.getString(2),
                r.getString(3), r.getTimestamp(4).toInstant(), r.getLong(5), r.getBoolean(6),
                r.isNullAt(7) ? null : r.getInt(7), r.getString(8));
    }

    /** A SQL string literal (Spark's: backslash escapes too). */
    private static String text(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
