package vn.cdht.pipelines.delta;

import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.cdht.pipelines.spark.Materialized;
import vn.cdht.pipelines.spark.SqlModel;

/**
 * Keeps {@code core.yearly_assessments} ({@code sql/core/yearly_assessments.sql}) up to date after a batch: the rows of
 * the citizens the batch touched ({@link AccountScope}) deleted and computed again (a citizen-year that no longer has
 * a live submission has no row any more); rebuilt whole into an empty table or when the batch's changes ask for it.
 */
public final class YearlyAssessments {

    private static final String TABLE = "core.yearly_assessments";

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
                // Out with every row of the scope's citizens, in with their rows computed again. A MERGE would do
                // both in one commit, but its insert side keeps the source whole, so Spark shuffles the whole table
                // to join it (50 s at M for 34 thousand accounts); the DELETE's semi-join with the small scope is a
                // scan. A crash between the two commits is mended by running the batch again: it maintains the same
                // citizens from the same change set.
                spark.sql("DELETE FROM " + TABLE + " WHERE account_id IN (SELECT account_id FROM " + AccountScope.VIEW + ")");
                spark.sql("INSERT INTO " + TABLE + " BY NAME SELECT * FROM yearly_fresh");
                progress.accept(String.format("%s: the citizens of %,d accounts replaced, %.1f s in all", TABLE, s.size(),
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
