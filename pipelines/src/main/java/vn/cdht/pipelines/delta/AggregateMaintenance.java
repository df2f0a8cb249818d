package vn.cdht.pipelines.delta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import vn.cdht.pipelines.models.ModelGraph;
import vn.cdht.pipelines.spark.Materialized;
import vn.cdht.pipelines.spark.SqlModel;

/**
 * Brings one table of {@code sql/agg/} up to date by delta: what the citizens of the changed accounts
 * ({@link AccountScope}) contribute now, minus what they contributed at the snapshots its last run read, added to the
 * stored sums by one {@code MERGE}. Both terms are the model's own SQL, evaluated over the scope's rows (and for the
 * old one over the tables as of those snapshots), so no rule is restated here. Every measure is an exact sum, so the
 * result equals a rebuild (IncrementalEqualsFullTest).
 *
 * <p>Possible only when what changed since the last run is account-scoped core tables ({@link AccountScope#TABLES}),
 * the raw tables (through the data's as-of) and {@code core.changes}; otherwise, or when an old snapshot is gone, the
 * caller rebuilds.
 */
public final class AggregateMaintenance implements AutoCloseable {

    /** How the table was brought up to date. */
    public record Outcome(long scopeAccounts, long groupsChanged) {
    }

    private final SparkSession spark;
    private final ModelGraph models;
    private final Consumer<String> progress;

    public AggregateMaintenance(SparkSession spark, ModelGraph models, Consumer<String> progress) {
        this.spark = spark;
        this.models = models;
        this.progress = progress;
    }

    /** The tables whose change a delta can follow. */
    public static boolean followable(String table) {
        return AccountScope.TABLES.contains(table) || table.startsWith("raw.") || table.equals(ChangeSet.TABLE);
    }

    /**
     * The accounts touched since a set of snapshots, and the views of both states over them: computed once per run for
     * every agg table whose last run read the same snapshots (normally all of them).
     */
    private record Prepared(AccountScope scope, ScopedSql now, ScopedSql then, String nowPrefix, String thenPrefix) {
    }

    private Map<String, String> sharedPrevious;
    private Map<String, String> sharedCurrent;

    /**
     * The snapshots the last runs of the agg tables read, where they agree (one run computed them all), and the same
     * tables now: with these the accounts touched are found, and their rows read, once for every agg table.
     */
    public void share(Map<String, String> previous, Map<String, String> current) {
        this.sharedPrevious = Map.copyOf(previous);
        this.sharedCurrent = Map.copyOf(current);
    }

    /** By the followable snapshots (then and now) they were prepared for; empty: a change asks for a rebuild. */
    private final Map<String, Optional<Prepared>> prepared = new java.util.HashMap<>();

    /**
     * @param previous the snapshot of every table the last run read ("null": empty), {@link ChangeSet#TABLE} included
     * @param current the same, now
     * @return empty when the delta cannot be taken (a change asks for a rebuild, the old as-of is unknown)
     */
    public Optional<Outcome> apply(ModelGraph.Model agg, Map<String, String> ownPrevious, Map<String, String> ownCurrent) {
        DeltaModel model = DeltaModel.of(agg.sql());
        // the agg tables last computed in the same run read the same snapshots: one scope and one set of views for all
        boolean shared = sharedPrevious != null && ownPrevious.entrySet().stream().filter(e -> followable(e.getKey()))
                .allMatch(e -> e.getValue().equals(sharedPrevious.get(e.getKey())))
                && ownCurrent.entrySet().stream().filter(e -> followable(e.getKey()))
                        .allMatch(e -> e.getValue().equals(sharedCurrent.get(e.getKey())));
        Map<String, String> previous = shared ? sharedPrevious : ownPrevious;
        Map<String, String> current = shared ? sharedCurrent : ownCurrent;
        String key = current.keySet().stream().filter(AggregateMaintenance::followable).sorted()
                .map(t -> t + "=" + previous.get(t) + ">" + current.get(t)).collect(Collectors.joining(","));
        Optional<Prepared> p = prepared.get(key);
        if (p == null) {
            p = prepare(previous, current);
            prepared.put(key, p);
        }
        if (p.isEmpty()) {
            return Optional.empty();
        }
        AccountScope s = p.get().scope();
        if (s.size() == 0) {
            return Optional.of(new Outcome(0, 0));
        }
        long t0 = System.nanoTime();
        Dataset<Row> delta = Materialized.of(spark.sql(deltaSql(model, evaluate(agg, p.get().now(), p.get().nowPrefix()),
                evaluate(agg, p.get().then(), p.get().thenPrefix()))));
        try {
            long groups = delta.count();
            double computed = seconds(t0);
            long t1 = System.nanoTime();
            if (groups > 0) {
                delta.createOrReplaceTempView("agg_delta");
                spark.sql(mergeSql(agg.qualifiedName(), model));
            }
            progress.accept(String.format("%s: the delta computed in %.1f s, merged in %.1f s", agg.qualifiedName(),
                    computed, seconds(t1)));
            return Optional.of(new Outcome(s.size(), groups));
        } finally {
            Materialized.release(delta);
        }
    }

    private Optional<Prepared> prepare(Map<String, String> previous, Map<String, String> current) {
        String toChanges = current.get(ChangeSet.TABLE);
        if (toChanges == null || toChanges.equals("null")) {
            return Optional.empty();
        }
        String fromChanges = previous.get(ChangeSet.TABLE);
        Dataset<Row> changes = ChangeSet.appendedBetween(spark,
                fromChanges == null || fromChanges.equals("null") ? null : Long.valueOf(fromChanges), Long.parseLong(toChanges));

        // the old state: each changed table (other than the account-scoped ones, narrowed below) as of the snapshot
        // the last run read
        ScopedSql old = new ScopedSql();
        for (Map.Entry<String, String> e : current.entrySet()) {
            String table = e.getKey();
            String before = previous.get(table);
            if (table.contains(".") && !table.equals(ChangeSet.TABLE) && before != null && !before.equals(e.getValue())
                    && !AccountScope.TABLES.contains(table)) {
                String view = "prev_" + table.replace('.', '_');
                spark.sql(atSnapshot(table, before)).createOrReplaceTempView(view);
                old.read(table, view);
            }
        }
        // the data's as-of then and now, as values: every later reference reads one row, not raw again
        Row then = spark.sql(old.rewrite(SqlModel.load("int", "data_as_of").select())).first();
        if (then.isNullAt(0)) {
            return Optional.empty();
        }
        Row now = spark.table("int_data_as_of").first();
        org.apache.spark.sql.types.StructType asOfSchema = spark.table("int_data_as_of").schema();
        spark.createDataFrame(List.of(then), asOfSchema).createOrReplaceTempView("prev_as_of");
        spark.sql("SELECT least(p.as_of_ts, n.as_of_ts) AS from_ts, greatest(p.as_of_ts, n.as_of_ts) AS to_ts,"
                + " least(p.as_of_date, n.as_of_date) AS from_date, greatest(p.as_of_date, n.as_of_date) AS to_date"
                + " FROM prev_as_of p CROSS JOIN (SELECT * FROM int_data_as_of) n").createOrReplaceTempView("as_of_window");
        Dataset<Row> dated = spark.sql(SqlModel.load("delta", "dated_between").select());
        long t0 = System.nanoTime();
        Optional<AccountScope> scope = AccountScope.of(spark, changes, dated);
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        AccountScope s = scope.get();
        // view names of their own: another set of snapshots prepares other views in the same run
        String nowPrefix = "now" + prepared.size();
        String thenPrefix = "prev" + prepared.size();
        progress.accept(String.format("the accounts touched since the last run, with every account of the same citizens:"
                + " %,d (%.1f s)", s.size(), seconds(t0)));
        long t1 = System.nanoTime();
        ScopedSql nowSql = s.views(nowPrefix, t -> t);
        ScopedSql thenSql = s.views(thenPrefix, t -> {
            String before = previous.get(t);
            return before == null || before.equals(current.get(t)) ? t : "(" + atSnapshot(t, before) + ")";
        });
        copyInto(old, thenSql);
        // the as-of is global, not per account: the one now as the run computed it, the one then as found above
        nowSql.read("int_data_as_of", "int_data_as_of");
        thenSql.read("int_data_as_of", "prev_as_of");
        progress.accept(String.format("their rows now and at the last run's snapshots read in %.1f s", seconds(t1)));
        return Optional.of(new Prepared(s, nowSql, thenSql, nowPrefix, thenPrefix));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Frees what {@link #apply} kept for the run. */
    @Override
    public void close() {
        prepared.values().forEach(p -> p.ifPresent(x -> x.scope().close()));
        prepared.clear();
    }

    private static String atSnapshot(String table, String snapshot) {
        return snapshot.equals("null") ? "SELECT * FROM " + table + " WHERE false"
                : "SELECT * FROM " + table + " VERSION AS OF " + snapshot;
    }

    private static void copyInto(ScopedSql from, ScopedSql into) {
        from.replacements().forEach(into::read);
    }

    /** The model over one state: its intermediate models evaluated there first, as views {@code <prefix>_int_<name>}. */
    private String evaluate(ModelGraph.Model agg, ScopedSql state, String prefix) {
        for (ModelGraph.Model view : models.intermediatesOf(agg)) {
            if (state.replacements().containsKey("int_" + view.name())) {
                continue; // evaluated for another agg table of the run, or given (the as-of then)
            }
            String name = prefix + "_int_" + view.name();
            spark.sql(state.rewrite(view.sql().select())).createOrReplaceTempView(name);
            state.read("int_" + view.name(), name);
        }
        return state.rewrite(agg.sql().select());
    }

    /** Per group: the sums now minus the sums before; groups where nothing moved left out. */
    private String deltaSql(DeltaModel model, String now, String before) {
        List<String> measures = measures(model);
        String keys = String.join(", ", model.keys());
        String negated = measures.stream().map(m -> "-" + m + " AS " + m).collect(Collectors.joining(", "));
        // each sum cast back to the stored type: a wider decimal would make Spark drop a digit of scale when the
        // MERGE adds it to the stored value (DECIMAL(38, 10) + DECIMAL(30, 10) is rounded to 9 decimals)
        Map<String, String> types = types(model.sql().qualifiedName());
        return "SELECT " + keys + ", " + measures.stream().map(m -> "CAST(sum(" + m + ") AS " + types.get(m) + ") AS " + m)
                .collect(Collectors.joining(", "))
                + " FROM (SELECT " + keys + ", " + String.join(", ", measures) + " FROM (" + now + ") n"
                + " UNION ALL SELECT " + keys + ", " + negated + " FROM (" + before + ") b) d"
                + " GROUP BY " + keys
                + " HAVING NOT (" + measures.stream().map(m -> "sum(" + m + ") = 0").collect(Collectors.joining(" AND ")) + ")";
    }

    private String mergeSql(String table, DeltaModel model) {
        List<String> measures = measures(model);
        Map<String, String> types = types(table);
        List<String> columns = new ArrayList<>(model.keys());
        columns.addAll(measures);
        return "MERGE INTO " + table + " t USING agg_delta s ON "
                + model.keys().stream().map(k -> "t." + k + " <=> s." + k).collect(Collectors.joining(" AND "))
                + " WHEN MATCHED AND t." + DeltaModel.CONTRIBUTIONS + " + s." + DeltaModel.CONTRIBUTIONS + " = 0 THEN DELETE"
                + " WHEN MATCHED THEN UPDATE SET "
                + measures.stream().map(m -> "t." + m + " = CAST(t." + m + " + s." + m + " AS " + types.get(m) + ")")
                        .collect(Collectors.joining(", "))
                + " WHEN NOT MATCHED AND s." + DeltaModel.CONTRIBUTIONS + " > 0 THEN INSERT (" + String.join(", ", columns)
                + ") VALUES (" + columns.stream().map(c -> "CAST(s." + c + " AS " + types.get(c) + ")").collect(Collectors.joining(", ")) + ")";
    }

    private Map<String, String> types(String table) {
        return Arrays.stream(spark.table(table).schema().fields())
                .collect(Collectors.toMap(StructField::name, f -> f.dataType().sql()));
    }

    private List<String> measures(DeltaModel model) {
        return Arrays.stream(spark.table(model.sql().qualifiedName()).columns()).filter(c -> !model.keys().contains(c)).toList();
    }
}
