package vn.cdht.pipelines.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.cdht.pipelines.delta.AggregateMaintenance;
import vn.cdht.pipelines.delta.ChangeSet;
import vn.cdht.pipelines.models.ModelGraph;
import vn.cdht.pipelines.spark.Materialized;
import vn.cdht.pipelines.spark.SqlModel;
import vn.cdht.pipelines.spark.TableMaterializer;
import vn.cdht.warehouse.catalog.WarehouseInventory;
import vn.cdht.warehouse.control.MartRunLedger;
import vn.cdht.warehouse.control.RunStatus;

/**
 * Computes the stored sums of {@code sql/agg/} ({@code agg.<table>}, maintained by delta when it can: see
 * {@link #refreshAggregate}), then the marts: each {@code sql/mart/<table>.sql} as {@code mart.<table>}, replaced in one atomic commit, after
 * the intermediate views of {@code sql/int/} it reads (where each account counts on each geography, the month spine,
 * what changed per commune and month) and after the marts it reads. What a mart reads comes from its SQL
 * ({@link ModelGraph}). Every mart run is recorded with the snapshot ids of the tables it depends on; a mart whose
 * inputs did not change is left as it is.
 */
public final class IndicatorsJob {

    /** The marts, in the order they are computed: each after the marts it reads. */
    public static List<String> marts() {
        return ModelGraph.load().layer("mart").stream().map(ModelGraph.Model::name).toList();
    }

    /** The models of {@code sql/int} and {@code sql/mart}, and what each reads (from their own text). */
    private final ModelGraph models;

    /** Asked for on the first table to compute: a run that finds everything unchanged never starts Spark. */
    private final Supplier<SparkSession> sparkSource;
    private SparkSession spark;
    private final WarehouseInventory inventory;
    private final MartRunLedger ledger;
    private final Consumer<String> progress;

    public IndicatorsJob(SparkSession spark, WarehouseInventory inventory, MartRunLedger ledger, Consumer<String> progress) {
        this(() -> spark, inventory, ledger, progress);
    }

    public IndicatorsJob(Supplier<SparkSession> spark, WarehouseInventory inventory, MartRunLedger ledger,
                         Consumer<String> progress) {
        this.models = ModelGraph.load();
        this.sparkSource = spark;
        this.inventory = inventory;
        this.ledger = ledger;
        this.progress = progress;
    }

    private SparkSession spark() {
        if (spark == null) {
            spark = sparkSource.get();
            new TableMaterializer(spark).ensureNamespace("agg");
            new TableMaterializer(spark).ensureNamespace("mart");
        }
        return spark;
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
        Map<String, MartRunLedger.MartRun> latest = ledger.latest().stream()
                .collect(Collectors.toMap(MartRunLedger.MartRun::mart, r -> r));
        Map<String, Dataset<Row>> views = new LinkedHashMap<>();
        // the snapshots of the tables the marts read, looked up once per run (the marts' own change as they are computed)
        Map<String, String> snapshots = new java.util.HashMap<>();
        List<MartResult> results = new ArrayList<>();
        try (LazyMaintenance maintenance = new LazyMaintenance()) {
            shareSnapshots(maintenance, latest, snapshots);
            for (ModelGraph.Model agg : models.layer("agg")) {
                results.add(refreshAggregate(runId, agg, latest.get(agg.qualifiedName()), force, views, snapshots, maintenance));
            }
            for (ModelGraph.Model mart : models.layer("mart")) {
                String name = mart.qualifiedName();
                // after the marts it reads: their new snapshots are among its inputs
                String inputs = inputs(mart, snapshots);
                MartRunLedger.MartRun last = latest.get(mart.name());
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
                registerIntermediates(mart, views);
                results.add(compute(runId, mart.sql(), inputs));
            }
            return results;
        } finally {
            views.values().forEach(Materialized::release);
        }
    }

    /** The intermediate models {@code model} reads, computed once per run and kept as the views {@code int_<name>}. */
    private void registerIntermediates(ModelGraph.Model model, Map<String, Dataset<Row>> views) {
        registerIntermediates(models.intermediatesOf(model), views);
    }

    private void registerIntermediates(List<ModelGraph.Model> intermediates, Map<String, Dataset<Row>> views) {
        for (ModelGraph.Model view : intermediates) {
            if (!views.containsKey(view.name())) {
                Dataset<Row> ds = Materialized.of(spark().sql(view.sql().select()));
                ds.createOrReplaceTempView("int_" + view.name());
                views.put(view.name(), ds);
            }
        }
    }

    /**
     * A table of {@code sql/agg/}: left as it is when nothing it reads moved; maintained by delta
     * ({@link AggregateMaintenance}) when only account-scoped core tables and raw moved since its last run, whose
     * snapshots that run recorded (with that of {@code core.changes}); rebuilt otherwise.
     */
    private MartResult refreshAggregate(Long runId, ModelGraph.Model agg, MartRunLedger.MartRun last, boolean force,
                                        Map<String, Dataset<Row>> views, Map<String, String> snapshots,
                                        LazyMaintenance maintenance) {
        String name = agg.qualifiedName();
        String inputs = inputs(agg, snapshots, List.of(ChangeSet.TABLE));
        TableIdentifier id = TableIdentifier.parse(name);
        var status = inventory.exists(id) ? inventory.status(id) : null;
        boolean atLastRun = last != null && status != null && status.snapshotId() != null
                && inventory.onlyRewrittenSince(id, last.snapshotId());
        if (!force && atLastRun && inputs.equals(last.inputSnapshots())) {
            progress.accept(name + " unchanged: its inputs are those of its run " + last.id());
            return new MartResult(name, status.rows(), status.snapshotId(), 0, true);
        }
        Map<String, String> previous = last == null ? Map.of() : parseInputs(last.inputSnapshots());
        Map<String, String> current = parseInputs(inputs);
        boolean followable = !force && atLastRun && Objects.equals(previous.get("models"), current.get("models"))
                && current.keySet().equals(previous.keySet())
                && current.entrySet().stream().allMatch(e -> e.getKey().equals("models")
                        || e.getValue().equals(previous.get(e.getKey())) || AggregateMaintenance.followable(e.getKey()));
        if (followable) {
            // the delta evaluates the intermediate models over the touched accounts only; the as-of it needs whole
            registerIntermediates(List.of(models.model("int.data_as_of")), views);
            long runRow = ledger.start(runId, name, inputs);
            long t0 = System.nanoTime();
            try {
                Optional<AggregateMaintenance.Outcome> outcome = maintenance.get().apply(agg, previous, current);
                if (outcome.isPresent()) {
                    var after = inventory.status(id);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    ledger.finish(runRow, RunStatus.SUCCEEDED, after.rows(), after.snapshotId(), null);
                    progress.accept(String.format("maintained %s by delta: the citizens of %,d accounts, %,d groups changed,"
                            + " in %.1f s", name, outcome.get().scopeAccounts(), outcome.get().groupsChanged(), seconds));
                    return new MartResult(name, after.rows(), after.snapshotId(), seconds, false);
                }
                ledger.finish(runRow, RunStatus.FAILED, null, null, "a change asks for a rebuild");
                progress.accept(name + ": a change since its last run asks for a rebuild");
            } catch (RuntimeException e) {
                // an old snapshot expired, or anything else: the rebuild below gives the same result
                ledger.finish(runRow, RunStatus.FAILED, null, null, e.getMessage());
                progress.accept(name + ": no delta (" + e.getMessage().lines().findFirst().orElse("") + "), rebuilding");
            }
        }
        registerIntermediates(agg, views);
        return compute(runId, agg.sql(), inputs, name);
    }

    /** The snapshots the agg tables' last runs agree on (followable tables only), and the same tables now. */
    private void shareSnapshots(LazyMaintenance maintenance, Map<String, MartRunLedger.MartRun> latest,
                                Map<String, String> snapshots) {
        Map<String, String> previous = new LinkedHashMap<>();
        java.util.Set<String> conflicting = new java.util.HashSet<>();
        for (ModelGraph.Model agg : models.layer("agg")) {
            MartRunLedger.MartRun last = latest.get(agg.qualifiedName());
            if (last == null) {
                continue;
            }
            parseInputs(last.inputSnapshots()).forEach((t, id) -> {
                if (AggregateMaintenance.followable(t) && previous.putIfAbsent(t, id) != null && !previous.get(t).equals(id)) {
                    conflicting.add(t);
                }
            });
        }
        conflicting.forEach(previous::remove);
        Map<String, String> current = new LinkedHashMap<>();
        previous.keySet().forEach(t -> current.put(t, snapshots.computeIfAbsent(t, this::snapshot)));
        maintenance.share(previous, current);
    }

    /** {@code a=1,b=null,models=f} as a map. */
    private static Map<String, String> parseInputs(String inputs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : inputs.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return out;
    }

    /** The snapshot of every table the mart depends on, and the fingerprint of its models: equal means same result. */
    private String inputs(ModelGraph.Model mart, Map<String, String> snapshots) {
        return inputs(mart, snapshots, List.of());
    }

    private String inputs(ModelGraph.Model mart, Map<String, String> snapshots, List<String> more) {
        java.util.Set<String> tables = new java.util.TreeSet<>(models.tablesRead(mart));
        tables.addAll(more);
        return tables.stream()
                .map(t -> t + "=" + (t.startsWith("mart.") || t.startsWith("agg.") ? snapshot(t) : snapshots.computeIfAbsent(t, this::snapshot)))
                .collect(Collectors.joining(",")) + ",models=" + models.fingerprint(mart);
    }

    private String snapshot(String table) {
        TableIdentifier id = TableIdentifier.parse(table);
        return String.valueOf(inventory.exists(id) ? inventory.snapshotId(id) : null);
    }

    private MartResult compute(Long runId, SqlModel model, String inputs) {
        return compute(runId, model, inputs, model.table());
    }

    /** @param ledgerName the name its runs are recorded under: a mart's table name, an agg table's qualified name */
    private MartResult compute(Long runId, SqlModel model, String inputs, String ledgerName) {
        long id = ledger.start(runId, ledgerName, inputs);
        long t0 = System.nanoTime();
        progress.accept("computing " + model.qualifiedName());
        try {
            spark().sql("CREATE OR REPLACE TABLE " + model.qualifiedName() + " USING iceberg"
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

    /** The delta machinery, made (and Spark with it) only when an agg table is maintained by delta. */
    private final class LazyMaintenance implements AutoCloseable {
        private AggregateMaintenance maintenance;
        private Map<String, String> previous = Map.of();
        private Map<String, String> current = Map.of();

        void share(Map<String, String> previous, Map<String, String> current) {
            this.previous = previous;
            this.current = current;
        }

        AggregateMaintenance get() {
            if (maintenance == null) {
                maintenance = new AggregateMaintenance(spark(), models, progress);
                maintenance.share(previous, current);
            }
            return maintenance;
        }

        @Override
        public void close() {
            if (maintenance != null) {
                maintenance.close();
            }
        }
    }
}
