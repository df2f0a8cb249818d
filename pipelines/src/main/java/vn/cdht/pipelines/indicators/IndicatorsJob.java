package vn.cdht.pipelines.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import vn.cdht.pipelines.spark.SqlModel;
import vn.cdht.pipelines.spark.TableMaterializer;
import vn.cdht.warehouse.catalog.WarehouseInventory;
import vn.cdht.warehouse.control.MartRunLedger;
import vn.cdht.warehouse.control.RunStatus;

/**
 * Computes the marts: the intermediate views of {@code sql/int/} (where each account counts on each geography, the
 * month spine, what changed per commune and month), then each {@code sql/mart/<table>.sql} as {@code mart.<table>},
 * replaced in one atomic commit. Every mart run is recorded with the snapshot ids of the tables it read.
 */
public final class IndicatorsJob {

    public static final List<String> INTERMEDIATE = List.of(
            "month_spine", "account_places", "population_places", "commune_month_facts", "areas");
    public static final List<String> MARTS = List.of(
            "coverage", "unit_progress", "criteria", "trend", "targets", "data_quality");
    static final List<String> INPUTS = List.of(
            "core.accounts", "core.units", "core.self_assessments", "core.yearly_assessments", "core.recognitions",
            "core.population", "quarantine.rows", "ref.allocation_weights", "ref.commune_crosswalk", "ref.criteria_sets",
            "ref.targets");

    private final SparkSession spark;
    private final WarehouseInventory inventory;
    private final MartRunLedger ledger;
    private final Consumer<String> progress;

    public IndicatorsJob(SparkSession spark, WarehouseInventory inventory, MartRunLedger ledger, Consumer<String> progress) {
        this.spark = spark;
        this.inventory = inventory;
        this.ledger = ledger;
        this.progress = progress;
    }

    public record MartResult(String mart, long rows, Long snapshotId, double seconds) {
    }

    public List<MartResult> run(Long runId) {
        new TableMaterializer(spark).ensureNamespace("mart");
        String inputs = INPUTS.stream()
                .map(t -> t + "=" + inventory.status(TableIdentifier.parse(t)).snapshotId())
                .collect(Collectors.joining(","));
        List<Dataset<Row>> cached = new ArrayList<>();
        List<MartResult> results = new ArrayList<>();
        try {
            for (String view : INTERMEDIATE) {
                Dataset<Row> ds = spark.sql(SqlModel.load("int", view).select()).persist(StorageLevel.MEMORY_AND_DISK());
                ds.createOrReplaceTempView("int_" + view);
                cached.add(ds);
            }
            for (String mart : MARTS) {
                results.add(compute(runId, mart, inputs));
            }
            return results;
        } finally {
            cached.forEach(Dataset::unpersist);
        }
    }

    private MartResult compute(Long runId, String mart, String inputs) {
        SqlModel model = SqlModel.load("mart", mart);
        long id = ledger.start(runId, mart, inputs);
        long t0 = System.nanoTime();
        progress.accept("computing " + model.qualifiedName());
        try {
            spark.sql("CREATE OR REPLACE TABLE " + model.qualifiedName() + " USING iceberg"
                    + " TBLPROPERTIES ('format-version' = '2') AS " + model.select());
            var status = inventory.status(TableIdentifier.parse(model.qualifiedName()));
            double seconds = (System.nanoTime() - t0) / 1e9;
            ledger.finish(id, RunStatus.SUCCEEDED, status.rows(), status.snapshotId(), null);
            progress.accept(String.format("computed %s: %d rows in %.1f s", model.qualifiedName(), status.rows(), seconds));
            return new MartResult(model.qualifiedName(), status.rows(), status.snapshotId(), seconds);
        } catch (RuntimeException e) {
            ledger.finish(id, RunStatus.FAILED, null, null, e.getMessage());
            throw e;
        }
    }

}
