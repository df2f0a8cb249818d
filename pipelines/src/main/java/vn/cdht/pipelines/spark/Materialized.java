package vn.cdht.pipelines.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.LogicalRDD;

/**
 * A result computed once and kept on the executors (memory, then local disk) as a leaf of the plans that read it.
 * A persisted Dataset would be cached too, but every query naming its view would still analyse and optimise the
 * whole plan behind it before the cache replaces it: with views of views (the intermediate models, a validation
 * read five times) that planning on the driver cost more than the data at small sizes. A local checkpoint cuts the
 * lineage; if an executor is lost its blocks are lost with it, and the job fails and is run again.
 */
public final class Materialized {

    private Materialized() {
    }

    /** Computes {@code ds} now and returns it as a leaf. */
    public static Dataset<Row> of(Dataset<Row> ds) {
        return ds.localCheckpoint(true);
    }

    /** Frees the blocks of a result of {@link #of}. */
    public static void release(Dataset<Row> materialized) {
        LogicalPlan plan = materialized.queryExecution().logical();
        if (plan instanceof LogicalRDD rdd) {
            rdd.rdd().unpersist(false);
        }
    }
}
