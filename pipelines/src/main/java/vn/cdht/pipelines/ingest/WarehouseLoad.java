package vn.cdht.pipelines.ingest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import vn.cdht.pipelines.delta.YearlyAssessments;

/**
 * The part of ingestion shared by export batches and database reads: every staged entity of a batch, in load order,
 * through {@link EntityLoad}; then {@code core.yearly_assessments} brought up to date for the citizens the batch
 * touched ({@link YearlyAssessments}).
 */
final class WarehouseLoad {

    private final SparkSession spark;
    private final StagingArea staging;
    private final Consumer<String> progress;

    WarehouseLoad(SparkSession spark, StagingArea staging, Consumer<String> progress) {
        this.spark = spark;
        this.staging = staging;
        this.progress = progress;
    }

    record Result(Map<String, FileCounts> files, Map<String, Long> flags, long orphanAssessments) {
    }

    Result load(String batchId, Instant receivedAt) {
        Map<String, FileCounts> files = new LinkedHashMap<>();
        Map<String, Long> flags = new TreeMap<>();
        EntityLoad load = new EntityLoad(spark);
        boolean assessmentsChanged = false;
        for (CoreEntity entity : CoreEntity.values()) {
            if (!staging.has(batchId, entity.source())) {
                continue;
            }
            progress.accept("loading " + entity.table() + " (raw → validate → quarantine → core)");
            long t0 = System.nanoTime();
            EntityLoad.Result r = load.run(entity, batchId, receivedAt, staging.location(batchId, entity.source()));
            long rows = r.files().values().stream().mapToLong(FileCounts::read).sum();
            progress.accept(String.format("loaded %s: %d rows in %.1f s", entity.table(), rows, (System.nanoTime() - t0) / 1e9));
            files.putAll(r.files());
            r.flags().forEach((flag, n) -> flags.merge(entity.table() + ":" + flag, n, Long::sum));
            assessmentsChanged |= entity == CoreEntity.SELF_ASSESSMENTS || entity == CoreEntity.ACCOUNTS;
        }
        if (assessmentsChanged) {
            new YearlyAssessments(spark, progress).maintain(batchId);
        }
        long orphans = spark.sql("SELECT count(*) FROM core.yearly_assessments WHERE is_orphan").first().getLong(0);
        return new Result(files, flags, orphans);
    }
}
