package vn.cdht.pipelines.warehouse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import vn.cdht.warehouse.migration.MigrationInfo;
import vn.cdht.warehouse.migration.MigrationPlan;
import vn.cdht.warehouse.migration.MigrationResult;
import vn.cdht.warehouse.migration.MigrationScript;
import vn.cdht.warehouse.migration.MigrationScripts;
import vn.cdht.warehouse.migration.MigrationVersion;
import vn.cdht.warehouse.migration.PendingMigration;
import vn.cdht.warehouse.migration.SchemaHistoryEntry;
import vn.cdht.warehouse.migration.WarehouseMigrationException;

/**
 * Brings the warehouse's stateful tables ({@code raw}, {@code core}, {@code restricted}, {@code quarantine}) to the
 * newest version of {@code warehouse/migration/V*.sql} with Iceberg schema evolution, like Flyway does for the control
 * database: each pending script's statements in order on the configured catalog, each recorded in
 * {@code cdht_meta.schema_history} ({@link SchemaHistory}) with its checksum. A second migrate applies nothing; an
 * applied script that was edited is refused (see {@link MigrationPlan}); a script that fails is recorded with the
 * statement that failed, and the next migrate resumes at that statement (every Iceberg DDL statement commits on its
 * own, so the ones before it are in the warehouse and cannot run twice).
 *
 * <p>The history lives in the warehouse itself, not in the control database, so that the two cannot disagree: a
 * warehouse restored from a backup, copied, or opened with another control database still says which migrations its
 * tables have. (The control database is a separate store; a history there would describe whatever warehouse was
 * migrated last.)
 *
 * <p>{@code ref.*} and {@code mart.*} have no migrations: every run rebuilds them from their SQL model ({@code CREATE OR
 * REPLACE TABLE … AS SELECT}), so a model's schema is its SELECT.
 */
public final class WarehouseMigrations {

    private final SparkSession spark;
    private final MigrationScripts scripts;
    private final SchemaHistory history;
    private final Consumer<String> progress;

    public WarehouseMigrations(SparkSession spark, MigrationScripts scripts, Consumer<String> progress) {
        this.spark = spark;
        this.scripts = scripts;
        this.history = new SchemaHistory(spark);
        this.progress = progress;
    }

    /** cdht's own migrations ({@link MigrationScripts#cdht()}). */
    public static WarehouseMigrations of(SparkSession spark, Consumer<String> progress) {
        return new WarehouseMigrations(spark, MigrationScripts.cdht(), progress);
    }

    /** Applies every pending migration. */
    public MigrationResult migrate() {
        return migrate(Optional.empty());
    }

    /**
     * Applies the pending migrations up to {@code target} (all if empty).
     *
     * @throws WarehouseMigrationException if the scripts and the history disagree (nothing applied), or a statement
     *                                     failed (the migrations before it stay applied)
     */
    public MigrationResult migrate(Optional<MigrationVersion> target) {
        PersonalNamespaces.prepare(spark);
        history.create();
        MigrationPlan plan = new MigrationPlan(scripts, history.read());
        Optional<MigrationVersion> from = plan.current();
        List<MigrationResult.Applied> applied = new ArrayList<>();
        for (PendingMigration p : plan.pending(target)) {
            applied.add(apply(p));
        }
        Optional<MigrationVersion> to = applied.isEmpty() ? from : Optional.of(applied.get(applied.size() - 1).version());
        return new MigrationResult(from, to, applied);
    }

    /** Every migration with its state, from the history as it is (nothing is created). */
    public List<MigrationInfo> info() {
        return plan().info();
    }

    /** The warehouse's version: the newest migration applied, if any. */
    public Optional<MigrationVersion> version() {
        return plan().current();
    }

    private MigrationPlan plan() {
        return new MigrationPlan(scripts, history.read());
    }

    private MigrationResult.Applied apply(PendingMigration p) {
        MigrationScript script = p.script();
        List<String> statements = script.statements();
        int first = p.firstStatement();
        progress.accept(first > 1
                ? "resuming warehouse migration " + script.script() + " at statement " + first + " of " + statements.size()
                        + " (the ones before it were applied when it failed)"
                : "applying warehouse migration " + script.script() + " (" + statements.size() + " statements)");
        Instant installedAt = Instant.now();
        long t0 = System.nanoTime();
        for (int i = first - 1; i < statements.size(); i++) {
            try {
                spark.sql(statements.get(i));
            } catch (Exception e) { // AnalysisException is a checked exception to Java
                throw failed(script, statements, i + 1, installedAt, elapsedMs(t0), e);
            }
        }
        long ms = elapsedMs(t0);
        history.record(new SchemaHistoryEntry(script.version(), script.description(), script.script(), script.checksum(),
                installedAt, ms, true, null, null));
        return new MigrationResult.Applied(script.version(), script.script(), first, statements.size(), ms);
    }

    private WarehouseMigrationException failed(MigrationScript script, List<String> statements, int failed,
            Instant installedAt, long ms, Exception cause) {
        String why = firstLine(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), 240);
        // what to do before Spark's reason, which may be long: a one-line error is cut at 400 characters
        WarehouseMigrationException e = new WarehouseMigrationException("warehouse migration " + script.script()
                + " failed at statement " + failed + " of " + statements.size() + " (" + firstLine(statements.get(failed - 1), 80)
                + "): correct it and run cdht warehouse migrate, which resumes there (" + (failed > 1 ? "statements 1 to "
                + (failed - 1) + " are applied" : "nothing of it was applied") + "): " + why, cause);
        try {
            history.record(new SchemaHistoryEntry(script.version(), script.description(), script.script(), script.checksum(),
                    installedAt, ms, false, failed, why));
        } catch (RuntimeException recording) {
            e.addSuppressed(recording);
        }
        return e;
    }

    private static long elapsedMs(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String firstLine(String text, int max) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > max ? line.substring(0, max) + "…" : line;
    }
}
