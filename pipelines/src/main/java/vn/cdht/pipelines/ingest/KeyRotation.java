package vn.cdht.pipelines.ingest;

import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import vn.cdht.pipelines.delta.ChangeSet;
import vn.cdht.pipelines.delta.YearlyAssessments;
import org.apache.spark.storage.StorageLevel;
import vn.cdht.pipelines.warehouse.WarehouseMigrations;
import vn.cdht.warehouse.privacy.CitizenKey;

/**
 * Re-keys the warehouse under a new pseudonymisation secret: every citizen_key becomes the new secret's key of the
 * citizen's CCCD, which only {@code restricted.citizens} holds. One commit per table: {@code core.accounts} (old key →
 * new key), {@code core.yearly_assessments} (rebuilt from core, as ingestion does), and {@code restricted.citizens}
 * last (one row per CCCD under its new key), since it is what maps old keys to CCCDs: a rotation that stopped half-way
 * runs again from where it was. The old secret is not needed. Raw and quarantine rows carry the CCCD, not the key;
 * marts hold no citizen_key.
 */
public final class KeyRotation {

    /** What was re-keyed: account rows whose key changed, and the rows of the other two tables afterwards. */
    public record Result(long accountsRekeyed, long yearlyAssessments, long citizens, long duplicateCitizensMerged) {
    }

    private static final String NEW_KEY = "cdht_rotated_citizen_key";

    private final SparkSession spark;
    private final CitizenKey newKey;
    private final Consumer<String> progress;

    public KeyRotation(SparkSession spark, CitizenKey newKey, Consumer<String> progress) {
        this.spark = spark;
        this.newKey = newKey;
        this.progress = progress;
    }

    /** @throws IllegalStateException if a table cannot be re-keyed (before it is changed) or did not end under the new key */
    public Result run() {
        WarehouseMigrations.of(spark, progress).migrate();
        spark.udf().register(NEW_KEY, (UDF1<String, String>) newKey::of, DataTypes.StringType);
        Dataset<Row> keyMap = spark.sql("SELECT DISTINCT citizen_key AS old_key, " + NEW_KEY + "(citizen_id) AS new_key"
                + " FROM restricted.citizens WHERE citizen_key IS NOT NULL").persist(StorageLevel.MEMORY_AND_DISK());
        try {
            keyMap.createOrReplaceTempView("key_map");
            // a key already rotated (a run that stopped) is a new key
            long unknown = count("SELECT count(DISTINCT a.citizen_key) FROM core.accounts a LEFT ANTI JOIN"
                    + " (SELECT old_key AS k FROM key_map UNION SELECT new_key FROM key_map) m ON a.citizen_key = m.k"
                    + " WHERE a.citizen_key IS NOT NULL");
            if (unknown > 0) {
                throw new IllegalStateException(unknown + " citizen_key values of core.accounts have no row in"
                        + " restricted.citizens, whose CCCD re-keying needs: nothing was changed (re-ingest the batches of"
                        + " those accounts, or restore restricted.citizens, then rotate again)");
            }
            long citizensBefore = count("SELECT count(*) FROM restricted.citizens");

            progress.accept("re-keying core.accounts");
            long accounts = count("SELECT count(*) FROM core.accounts a JOIN key_map m ON a.citizen_key = m.old_key"
                    + " WHERE m.old_key <> m.new_key");
            spark.sql("MERGE INTO core.accounts t USING (SELECT old_key, new_key FROM key_map WHERE old_key <> new_key) m"
                    + " ON t.citizen_key = m.old_key WHEN MATCHED THEN UPDATE SET t.citizen_key = m.new_key");

            // every citizen has a new key: what is maintained per citizen is rebuilt
            ChangeSet.recordRebuild(spark, "key-rotation-" + java.time.Instant.now(), "accounts");
            new YearlyAssessments(spark, progress).rebuild("every citizen has a new key");

            progress.accept("re-keying restricted.citizens");
            // every column as it is but the key, whatever columns migrations gave the table
            overwriteWhole("INSERT OVERWRITE restricted.citizens BY NAME"
                    + " SELECT * EXCEPT (citizen_key, latest), " + NEW_KEY + "(citizen_id) AS citizen_key"
                    + " FROM (SELECT *,"
                    + " row_number() OVER (PARTITION BY citizen_id ORDER BY updated_at DESC, account_id DESC) AS latest"
                    + " FROM restricted.citizens) c WHERE latest = 1");
            long citizens = count("SELECT count(*) FROM restricted.citizens");
            verify();
            return new Result(accounts, count("SELECT count(*) FROM core.yearly_assessments"), citizens,
                    citizensBefore - citizens);
        } finally {
            keyMap.unpersist();
        }
    }

    /** Every key under the new secret: rows written meanwhile by an ingestion that began before the rotation are not. */
    private void verify() {
        long stale = count("SELECT count(*) FROM restricted.citizens WHERE citizen_key <> " + NEW_KEY + "(citizen_id)")
                + count("SELECT count(*) FROM core.accounts a LEFT ANTI JOIN restricted.citizens c"
                        + " ON a.citizen_key = c.citizen_key WHERE a.citizen_key IS NOT NULL");
        if (stale > 0) {
            throw new IllegalStateException(stale + " rows still carry a key of another secret after re-keying (written"
                    + " meanwhile, e.g. by a cdht ingest that started before the rotation): run cdht rotate-key again");
        }
    }

    private long count(String sql) {
        return spark.sql(sql).first().getLong(0);
    }

    private void overwriteWhole(String sql) {
        String mode = spark.conf().get("spark.sql.sources.partitionOverwriteMode", "static");
        spark.conf().set("spark.sql.sources.partitionOverwriteMode", "static");
        try {
            spark.sql(sql);
        } finally {
            spark.conf().set("spark.sql.sources.partitionOverwriteMode", mode);
        }
    }
}
