package vn.cdht.pipelines.delta;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.cdht.pipelines.spark.Materialized;
import vn.cdht.pipelines.spark.SqlModel;

/**
 * The accounts whose citizen-level rows may differ between two states of core ({@code sql/delta/scope_accounts.sql}),
 * computed once and kept as the view {@value #VIEW}; and the views of the account-scoped core tables that read only
 * their rows.
 */
public final class AccountScope implements AutoCloseable {

    /** The view of the scope's accounts (one column, account_id). */
    public static final String VIEW = "scope_accounts";

    /** The core tables whose every row belongs to one account (by account_id): what a scope narrows. */
    public static final List<String> TABLES = List.of("core.accounts", "core.self_assessments", "core.recognitions",
            "core.yearly_assessments");

    private final SparkSession spark;
    private final Dataset<Row> accounts;
    private final List<Dataset<Row>> views = new java.util.ArrayList<>();
    private final long size;

    /** Up to this many accounts the scope is a local relation (a few tens of megabytes at most). */
    private static final long LOCAL_ACCOUNTS = 1_000_000;

    private AccountScope(SparkSession spark, Dataset<Row> accounts, long size) {
        this.spark = spark;
        this.accounts = accounts;
        this.size = size;
    }

    /**
     * @param changes rows of {@code core.changes} (version, account_id, citizen_key)
     * @param dated more accounts (account_id), or null
     * @return empty when a change asks for everything to be rebuilt ({@code version = 'all'}: a first load, a re-keying)
     */
    public static Optional<AccountScope> of(SparkSession spark, Dataset<Row> changes, Dataset<Row> dated) {
        changes.createOrReplaceTempView("changed");
        if (!spark.sql("SELECT 1 FROM changed WHERE version = 'all' LIMIT 1").isEmpty()) {
            return Optional.empty();
        }
        (dated != null ? dated : spark.sql("SELECT CAST(NULL AS STRING) AS account_id WHERE false"))
                .createOrReplaceTempView("dated");
        Dataset<Row> accounts = Materialized.of(spark.sql(SqlModel.load("delta", "scope_accounts").select()));
        long size = accounts.count();
        if (size <= LOCAL_ACCOUNTS) {
            // held on the driver, its size known exactly: every semi-join with it (a DELETE's IN too) is a broadcast
            Dataset<Row> local = spark.createDataFrame(accounts.collectAsList(), accounts.schema());
            Materialized.release(accounts);
            accounts = local;
        }
        accounts.createOrReplaceTempView(VIEW);
        return Optional.of(new AccountScope(spark, accounts, size));
    }

    public long size() {
        return size;
    }

    /**
     * Registers, for each account-scoped table, a view {@code <prefix>_<namespace>_<table>} of its rows of the scope's
     * accounts (the table as {@code tableAt} names it: itself, or itself at a snapshot), computed once and kept until
     * {@link #close}, and reads the tables through them.
     */
    ScopedSql views(String prefix, java.util.function.Function<String, String> tableAt) {
        return views(prefix, tableAt, TABLES);
    }

    /** The same, for some of the account-scoped tables only (those a model reads). */
    ScopedSql views(String prefix, java.util.function.Function<String, String> tableAt, List<String> tables) {
        ScopedSql sql = new ScopedSql();
        for (String table : tables) {
            String view = prefix + "_" + table.replace('.', '_');
            Dataset<Row> rows = Materialized.of(spark.sql("SELECT /*+ BROADCAST(k) */ t.* FROM " + tableAt.apply(table)
                    + " t LEFT SEMI JOIN " + VIEW + " k ON k.account_id = t.account_id"));
            rows.createOrReplaceTempView(view);
            views.add(rows);
            sql.read(table, view);
        }
        return sql;
    }

    @Override
    public void close() {
        views.forEach(Materialized::release);
        Materialized.release(accounts);
    }
}
