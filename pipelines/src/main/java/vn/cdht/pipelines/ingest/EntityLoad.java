package vn.cdht.pipelines.ingest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vn.cdht.pipelines.delta.ChangeSet;
import vn.cdht.pipelines.spark.Materialized;
import vn.cdht.pipelines.spark.SqlModel;

/**
 * Loads one entity of one batch from the staging area into the warehouse, each step one atomic Iceberg commit:
 * <ol>
 *   <li>{@code raw.<entity>}: the batch's rows as received (its partition replaced, so a re-run leaves no copy);</li>
 *   <li>validation ({@code sql/validate/<entity>.sql}) of the staged rows: typed values, reasons and flags;</li>
 *   <li>{@code quarantine.rows}: the rows with a reason, with their line as received (the batch's partition
 *       replaced);</li>
 *   <li>the winners: per key the batch's newest accepted row, if newer than what core holds (or equal and written by
 *       this same batch, so that a re-run after a crash counts the same);</li>
 *   <li>{@code MERGE INTO core.<entity>} of the winners ({@code sql/core/<entity>.sql}), and for accounts
 *       {@code MERGE INTO restricted.citizens}; an {@code INSERT} when the table is empty (a first load).</li>
 * </ol>
 * Rows read = accepted (winners) + quarantined + superseded (accepted but not newer), per file.
 *
 * <p>Every write matches columns by name ({@code BY NAME}, {@code UPDATE SET *}, {@code INSERT *}): a table's columns are
 * declared once, by its migrations (warehouse/migration), and filled by its model's SELECT, in any order.
 */
final class EntityLoad {

    private final SparkSession spark;

    EntityLoad(SparkSession spark) {
        this.spark = spark;
    }

    record Result(Map<String, FileCounts> files, Map<String, Long> flags) {
    }

    Result run(CoreEntity entity, String batchId, Instant receivedAt, String stagedLocation) {
        String table = entity.table();
        readStaged(entity, stagedLocation);
        String columns = String.join(", ", entity.source().fieldNames());
        spark.sql("INSERT OVERWRITE raw." + table + " BY NAME SELECT " + columns + ", '" + batchId + "' AS batch_id,"
                + " _file AS file_name, _row AS row_number, _raw AS raw_line, current_timestamp() AS ingested_at FROM staged");

        // Validation reads the staged rows, not raw again, and without the line as received: that travels only to the
        // quarantine, joined back by file and row. An exact copy has every field equal; the hash first makes the
        // window's sort compare one number instead of every text field.
        spark.sql("SELECT " + columns + ", '" + batchId + "' AS batch_id, _file AS file_name, _row AS row_number,"
                        + " TIMESTAMP'" + receivedAt + "' AS received_at,"
                        + " row_number() OVER (PARTITION BY xxhash64(" + columns + "), " + columns
                        + " ORDER BY _file, _row) AS copy_no FROM staged")
                .createOrReplaceTempView("batch_rows");
        Dataset<Row> validated = Materialized.of(spark.sql(SqlModel.load("validate", table).select()));
        validated.createOrReplaceTempView("validated");
        Dataset<Row> ranked = null;
        try {
            Map<String, long[]> byFile = validatedCounts();
            // The join back reads every staged row again: only when there is a row to quarantine. (With nothing to
            // write, the dynamic overwrite would replace no partition either.)
            if (byFile.values().stream().anyMatch(c -> c[1] > 0)) {
                spark.sql("INSERT OVERWRITE quarantine.rows BY NAME SELECT v.batch_id, '" + table + "' AS entity, v.file_name,"
                        + " v.row_number, v.reasons, s._raw AS raw_line, current_timestamp() AS quarantined_at"
                        + " FROM validated v JOIN staged s ON s._file = v.file_name AND s._row = v.row_number"
                        + " WHERE size(v.reasons) > 0");
            }

            boolean coreEmpty = isEmpty("core." + table);
            String version = entity.version();
            String newest = "row_number() OVER (PARTITION BY "
                    + entity.key().stream().map(k -> "v." + k).collect(Collectors.joining(", "))
                    + " ORDER BY v." + version + " DESC, v.file_name DESC, v.row_number DESC) = 1";
            String previous = entity.tracked().stream().map(t -> (coreEmpty ? "CAST(NULL AS STRING)" : "c." + t) + " AS previous_" + t)
                    .collect(Collectors.joining(", "));
            // Into an empty core the batch's newest row per key wins: no join with core, and an INSERT, not a MERGE.
            ranked = spark.sql(coreEmpty
                    ? "SELECT v.*, " + newest + " AS is_winner" + (previous.isEmpty() ? "" : ", " + previous)
                            + " FROM validated v WHERE size(v.reasons) = 0"
                    : "SELECT v.*, " + newest
                            + " AND (c." + version + " IS NULL OR v." + version + " > c." + version
                            + " OR (c.batch_id = v.batch_id AND v." + version + " = c." + version + ")) AS is_winner"
                            + (previous.isEmpty() ? "" : ", " + previous)
                            + " FROM validated v LEFT JOIN (" + coreOfBatchKeys(entity, readRows(byFile)) + ") c ON "
                            + entity.key().stream().map(k -> "c." + k + " = v." + k).collect(Collectors.joining(" AND "))
                            + " WHERE size(v.reasons) = 0");
            ranked = Materialized.of(ranked);
            ranked.createOrReplaceTempView("ranked");
            spark.sql("SELECT * FROM ranked WHERE is_winner").createOrReplaceTempView("winners");

            Map<String, FileCounts> counts = counts(byFile);
            Map<String, Long> flags = flags();

            // Before the MERGE: a crash between the two leaves a change recorded that core does not hold yet, which
            // only makes the next maintenance look at a few citizens more.
            recordChanges(entity, batchId, coreEmpty);
            recordVersions(entity);
            String coreModel = SqlModel.load("core", table).select();
            if (coreEmpty) {
                spark.sql("INSERT INTO core." + table + " BY NAME " + coreModel);
            } else {
                String coreKey = entity.key().stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
                spark.sql("MERGE INTO core." + table + " t USING (" + coreModel + ") s ON " + coreKey
                        + " WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *");
            }
            if (entity == CoreEntity.ACCOUNTS) {
                String citizens = SqlModel.load("restricted", "citizens").select();
                if (isEmpty("restricted.citizens")) {
                    spark.sql("INSERT INTO restricted.citizens BY NAME " + citizens);
                } else {
                    spark.sql("MERGE INTO restricted.citizens t USING (" + citizens + ") s ON t.citizen_key = s.citizen_key"
                            + " WHEN MATCHED AND s.updated_at >= t.updated_at THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *");
                }
            }
            return new Result(counts, flags);
        } finally {
            if (ranked != null) {
                Materialized.release(ranked);
            }
            Materialized.release(validated);
        }
    }

    /** Batches up to this many rows are broadcast against core: a scan of core with no shuffle of it. */
    static final long BROADCAST_BATCH_ROWS = 1_000_000;

    /**
     * The rows of core whose key the batch has: a semi-join of core with the batch's distinct keys, so that the batch's
     * LEFT JOIN shuffles these few rows and not the whole table. A small batch's keys are broadcast to every task of
     * the scan; a large one (a first full export into a warehouse that already holds another) is joined as usual.
     */
    private static String coreOfBatchKeys(CoreEntity entity, long batchRows) {
        String keys = String.join(", ", entity.key());
        return "SELECT " + (batchRows <= BROADCAST_BATCH_ROWS ? "/*+ BROADCAST(k) */ " : "") + "c.* FROM core." + entity.table()
                + " c LEFT SEMI JOIN (SELECT DISTINCT " + keys + " FROM validated WHERE size(reasons) = 0) k ON "
                + entity.key().stream().map(k -> "c." + k + " = k." + k).collect(Collectors.joining(" AND "));
    }

    private static long readRows(Map<String, long[]> byFile) {
        return byFile.values().stream().mapToLong(c -> c[0]).sum();
    }

    /**
     * Appends to {@code core.changes} the tracked columns ({@link CoreEntity#tracked()}) of the old and the new version of
     * every key the batch changes: what core.yearly_assessments and the agg tables are maintained by. Into an empty
     * table one row says so instead ({@code version = 'all'}): what reads it is rebuilt whole.
     */
    private void recordChanges(CoreEntity entity, String batchId, boolean coreEmpty) {
        if (entity.tracked().isEmpty()) {
            return;
        }
        if (coreEmpty) {
            ChangeSet.recordRebuild(spark, batchId, entity.table());
            return;
        }
        String citizenKey = entity.tracked().contains("citizen_key") ? "citizen_key" : "CAST(NULL AS STRING)";
        String previousKey = entity.tracked().contains("citizen_key") ? "previous_citizen_key" : "CAST(NULL AS STRING)";
        String select = "SELECT batch_id, '" + entity.table() + "' AS entity, '%s' AS version, %s AS account_id, %s AS citizen_key,"
                + " current_timestamp() AS recorded_at FROM winners";
        spark.sql("INSERT INTO " + ChangeSet.TABLE + " BY NAME "
                + String.format(select, "new", "account_id", citizenKey)
                + " UNION ALL " + String.format(select, "old", "previous_account_id", previousKey)
                + " WHERE previous_account_id IS NOT NULL");
    }

    /**
     * Appends to {@code core.versions} the key and flags of every row the batch accepts: what the fix-lists compare the
     * latest batch with ({@code sql/int/fix_findings.sql}), since core keeps only the newest version of a key.
     */
    private void recordVersions(CoreEntity entity) {
        String key = entity.key().stream().map(k -> "CAST(" + k + " AS STRING)").collect(Collectors.joining(", "));
        spark.sql("INSERT INTO core.versions BY NAME SELECT batch_id, '" + entity.table() + "' AS entity,"
                + " concat_ws('/', " + key + ") AS record_key, flags, file_name, row_number, current_timestamp() AS recorded_at"
                + " FROM winners");
    }

    private boolean isEmpty(String qualifiedTable) {
        return spark.sql("SELECT 1 FROM " + qualifiedTable + " LIMIT 1").isEmpty();
    }

    /** The view {@code staged}: the batch's rows of one entity as staged, with where each came from. */
    private void readStaged(CoreEntity entity, String stagedLocation) {
        List<StructField> fields = new java.util.ArrayList<>();
        fields.add(DataTypes.createStructField("_file", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("_row", DataTypes.LongType, true));
        fields.add(DataTypes.createStructField("_raw", DataTypes.StringType, true));
        entity.source().fieldNames().forEach(f -> fields.add(DataTypes.createStructField(f, DataTypes.StringType, true)));
        spark.read().schema(new StructType(fields.toArray(StructField[]::new))).parquet(stagedLocation)
                .createOrReplaceTempView("staged");
    }

    /** Per file: {rows read, rows quarantined, 0 (the winners, filled in by {@link #counts})}. */
    private Map<String, long[]> validatedCounts() {
        Map<String, long[]> byFile = new TreeMap<>();
        for (Row r : spark.sql("SELECT file_name, count(*), count_if(size(reasons) > 0) FROM validated GROUP BY file_name")
                .collectAsList()) {
            byFile.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2), 0});
        }
        return byFile;
    }

    private Map<String, FileCounts> counts(Map<String, long[]> byFile) {
        for (Row r : spark.sql("SELECT file_name, count(*) FROM winners GROUP BY file_name").collectAsList()) {
            byFile.get(r.getString(0))[2] = r.getLong(1);
        }
        Map<String, FileCounts> out = new LinkedHashMap<>();
        byFile.forEach((file, c) -> out.put(file, new FileCounts(c[0], c[2], c[1], c[0] - c[1] - c[2])));
        return out;
    }

    private Map<String, Long> flags() {
        Map<String, Long> out = new TreeMap<>();
        for (Row r : spark.sql("SELECT flag, count(*) FROM winners LATERAL VIEW explode(flags) f AS flag GROUP BY flag")
                .collectAsList()) {
            out.put(r.getString(0), r.getLong(1));
        }
        return out;
    }
}
