package vn.cdht.pipelines.indicators;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Map;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.cdht.pipelines.spark.Materialized;
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
            "data_as_of", "month_spine", "account_places", "population_places", "commune_month_facts", "areas");
    public static final List<String> MARTS = List.of(
            "coverage", "unit_progress", "criteria", "trend", "targets", "data_quality");
    static final List<String> INPUTS = List.of(
            "core.accounts", "core.units", "core.self_assessments", "core.yearly_assessments", "core.recognitions",
            "core.population", "quarantine.rows", "ref.allocation_weights", "ref.commune_crosswalk", "ref.criteria_sets",
            "ref.digital_skills", "ref.targets", "ref.communes_2025", "raw.accounts", "raw.units", "raw.self_assessments",
            "raw.recognitions", "raw.population");

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

    /** @param unchanged the mart was not recomputed: its inputs and models are those of its latest run */
    public record MartResult(String mart, long rows, Long snapshotId, double seconds, boolean unchanged) {
    }

    /** Computes the marts whose inputs (snapshots and SQL models) changed since their latest run. */
    public List<MartResult> run(Long runId) {
        return run(runId, false);
    }

    /**
     * @param force recompute every mart, even if nothing it reads changed
     */
    public List<MartResult> run(Long runId, boolean force) {
        new TableMaterializer(spark).ensureNamespace("mart");
        String inputs = INPUTS.stream()
                .map(t -> t + "=" + inventory.status(TableIdentifier.parse(t)).snapshotId())
                .collect(Collectors.joining(",")) + ",models=" + modelsFingerprint();
        Map<String, MartRunLedger.MartRun> latest = ledger.latest().stream()
                .collect(Collectors.toMap(MartRunLedger.MartRun::mart, r -> r));
        List<Dataset<Row>> cached = new ArrayList<>();
        List<MartResult> results = new ArrayList<>();
        try {
            for (String mart : MARTS) {
                String name = SqlModel.load("mart", mart).qualifiedName();
                MartRunLedger.MartRun last = latest.get(mart);
                // Same inputs, same models and the table still at the snapshot that run wrote: the result would be
                // identical, and a new snapshot would make every report of it look new.
                if (!force && last != null && inputs.equals(last.inputSnapshots())) {
                    var status = inventory.exists(TableIdentifier.parse(name))
                            ? inventory.status(TableIdentifier.parse(name)) : null;
                    if (status != null && status.snapshotId() != null && status.snapshotId().equals(last.snapshotId())) {
                        progress.accept(name + " unchanged: its inputs are those of its run " + last.id());
                        results.add(new MartResult(name, status.rows(), status.snapshotId(), 0, true));
                        continue;
                    }
                }
                if (cached.isEmpty()) {
                    for (String view : INTERMEDIATE) {
                        Dataset<Row> ds = Materialized.of(spark.sql(SqlModel.load("int", view).select()));
                        ds.createOrReplaceTempView("int_" + view);
                        cached.add(ds);
                    }
                }
                results.add(compute(runId, mart, inputs));
            }
            return results;
        } finally {
            cached.forEach(Materialized::release);
        }
    }

    /** A digest of every intermediate and mart model: a changed model changes every mart's inputs. */
    private static String modelsFingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String view : INTERMEDIATE) {
                md.update(SqlModel.load("int", view).select().getBytes(StandardCharsets.UTF_8));
            }
            for (String mart : MARTS) {
                md.update(SqlModel.load("mart", mart).select().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
            return new MartResult(model.qualifiedName(), status.rows(), status.snapshotId(), seconds, false);
        } catch (RuntimeException e) {
            ledger.finish(id, RunStatus.FAILED, null, null, e.getMessage());
            throw e;
        }
    }

}
