package vn.cdht.pipelines.delta;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.cdht.pipelines.spark.Materialized;
import vn.cdht.pipelines.spark.SqlModel;

/**
 * Keeps {@code core.yearly_assessments} ({@code sql/core/yearly_assessments.sql}) up to date after a batch: the rows of
 * the citizens the batch touched ({@link AccountScope}) computed again and merged in one commit (changed rows updated,
 * new ones inserted, those of a citizen-year that no longer has a live submission deleted); rebuilt whole into an empty
 * table or when the batch's changes ask for it.
 */
public final class YearlyAssessments {

    private static final String TABLE = "core.yearly_assessments";
    /** A citizen-year's key: the citizen is the pseudonym, or the account while it has not arrived (orphan). */
    private static final String CITIZEN = "coalesce(%1$s.citizen_key, concat('account:', %1$s.account_id))";

    private final SparkSession spark;
    private final Consumer<String> progress;

    public YearlyAssessments(SparkSession spark, Consumer<String> progress) {
        this.spark = spark;
        this.progress = progress;
    }

    /** After batch {@code batchId} was loaded into core. */
    public void maintain(String batchId) {
        if (spark.sql("SELECT 1 FROM " + TABLE + " LIMIT 1").isEmpty()) {
            rebuild("it is empty");
            return;
        }
        Optional<AccountScope> scope = AccountScope.of(spark, ChangeSet.ofBatch(spark, batchId), null);
        if (scope.isEmpty()) {
            rebuild("the batch loaded a table whole");
            return;
        }
        try (AccountScope s = scope.get()) {
            if (s.size() == 0) {
                progress.accept(TABLE + ": the batch changed no account's assessments");
                return;
            }
            long t0 = System.nanoTime();
            String model = s.views("now", t -> t, java.util.List.of("core.accounts", "core.self_assessments"))
                    .rewrite(SqlModel.load("core", "yearly_assessments").select());
            Dataset<Row> fresh = Materialized.of(spark.sql(model));
            progress.accept(String.format("%s: the rows of the citizens of %,d accounts computed again in %.1f s", TABLE,
                    s.size(), (System.nanoTime() - t0) / 1e9));
            try {
                fresh.createOrReplaceTempView("yearly_fresh");
                String[] columns = spark.table(TABLE).columns();
                String list = String.join(", ", columns);
                String values = Arrays.stream(columns).map(c -> "s." + c).collect(Collectors.joining(", "));
                String sets = Arrays.stream(columns).map(c -> "t." + c + " = s." + c).collect(Collectors.joining(", "));
                spark.sql("MERGE INTO " + TABLE + " t USING ("
                        + " SELECT " + list + ", false AS removed FROM yearly_fresh"
                        + " UNION ALL"
                        + " SELECT " + list + ", true FROM (SELECT /*+ BROADCAST(k) */ o.* FROM " + TABLE + " o"
                        + "   LEFT SEMI JOIN " + AccountScope.VIEW + " k ON k.account_id = o.account_id) o"
                        + "   WHERE NOT EXISTS (SELECT 1 FROM yearly_fresh f WHERE f.year = o.year AND "
                        + String.format(CITIZEN, "f") + " = " + String.format(CITIZEN, "o") + ")"
                        + ") s ON t.year = s.year AND " + String.format(CITIZEN, "t") + " = " + String.format(CITIZEN, "s")
                        + " WHEN MATCHED AND s.removed THEN DELETE"
                        + " WHEN MATCHED THEN UPDATE SET " + sets
                        + " WHEN NOT MATCHED AND NOT s.removed THEN INSERT (" + list + ") VALUES (" + values + ")");
                progress.accept(String.format("%s: the citizens of %,d accounts merged, %.1f s in all", TABLE, s.size(),
                        (System.nanoTime() - t0) / 1e9));
            } finally {
                Materialized.release(fresh);
            }
        }
    }

    /** Replaces the table whole, in one commit. */
    public void rebuild(String why) {
        progress.accept("rebuilding " + TABLE + " (" + why + ")");
        String mode = spark.conf().get("spark.sql.sources.partitionOverwriteMode", "static");
        spark.conf().set("spark.sql.sources.partitionOverwriteMode", "static");
        try {
            spark.sql("INSERT OVERWRITE " + TABLE + " BY NAME " + SqlModel.load("core", "yearly_assessments").select());
        } finally {
            spark.conf().set("spark.sql.sources.partitionOverwriteMode", mode);
        }
    }
}
