package vn.cdht.pipelines.maintenance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.actions.DeleteOrphanFiles;
import org.apache.iceberg.actions.RewriteDataFiles;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.spark.sql.SparkSession;
import vn.cdht.warehouse.catalog.TableFiles;

/**
 * Table upkeep, one table at a time: compacts small data files and applies merge-on-read delete files (bin-packing,
 * in the namespaces the policy compacts), tags the snapshots registered reports read ({@link ReportTags}), expires
 * older snapshots ({@link SnapshotExpiry}) and removes orphan files (files in the table's folder that no snapshot
 * references, older than the policy's minimum age: a failed or killed write leaves them). A table with nothing to do
 * is left without a commit and without a Spark job ({@link CompactionPlan}, {@link OrphanScan}).
 *
 * <p>Tables are loaded through Spark's catalog, so that the session's cached tables see the new snapshots.
 */
public final class TableMaintenance {

    private final SparkSession spark;
    private final MaintenancePolicy policy;
    private final Clock clock;
    private final Consumer<String> progress;

    public TableMaintenance(SparkSession spark, MaintenancePolicy policy, Clock clock, Consumer<String> progress) {
        this.spark = spark;
        this.policy = policy;
        this.clock = clock;
        this.progress = progress;
    }

    /** Maintains each table; on a dry run changes nothing and says what it would do. */
    public List<TableUpkeep> run(List<TableIdentifier> tables, ReportedSnapshots reported, boolean dryRun) {
        List<TableUpkeep> out = new ArrayList<>();
        for (TableIdentifier id : tables) {
            String name = String.join(".", id.namespace().levels()) + "." + id.name();
            progress.accept((dryRun ? "planning upkeep of " : "maintaining ") + name);
            out.add(maintain(id, name, reported.of(name), dryRun));
        }
        return out;
    }

    private TableUpkeep maintain(TableIdentifier id, String name, Set<Long> reported, boolean dryRun) {
        long start = System.nanoTime();
        Table table = load(name);
        TableFiles before = TableFiles.of(table);
        List<String> notes = new ArrayList<>();

        int rewritten = 0;
        int added = 0;
        long bytes = 0;
        String namespace = String.join(".", id.namespace().levels());
        int candidates = policy.compacts(namespace) ? CompactionPlan.candidates(table, policy) : 0;
        if (candidates > 0 && dryRun) {
            rewritten = candidates;
            notes.add("would compact " + candidates + " data files");
        } else if (candidates > 0) {
            RewriteDataFiles.Result r = compact(table);
            rewritten = r.rewrittenDataFilesCount();
            added = r.addedDataFilesCount();
            bytes = r.rewrittenBytesCount();
            table.refresh();
            if (TableFiles.of(table).deleteFiles() > 0) {
                // deletes of files compaction left alone (not enough of them in their partition): rewritten, and
                // those whose rows are gone dropped
                SparkActions.get(spark).rewritePositionDeletes(table).option("rewrite-all", "true").execute();
                table.refresh();
            }
        }

        long cutoff = clock.millis() - policy.snapshotRetention().toMillis();
        ReportTags.Kept kept = ReportTags.keep(table, reported, dryRun);
        if (!kept.missing().isEmpty()) {
            notes.add(kept.missing().size() + " snapshot(s) registered reports read are gone: those reports cannot be"
                    + " reproduced (" + kept.missing() + ")");
        }
        int keptForReports = 0;
        for (long s : reported) {
            Snapshot snapshot = table.snapshot(s);
            if (snapshot != null && snapshot.timestampMillis() < cutoff) {
                keptForReports++;
            }
        }
        int expirable = SnapshotExpiry.candidates(table, cutoff, policy.retainLast(), reported);
        int expired = 0;
        if (expirable > 0 && dryRun) {
            expired = expirable;
            notes.add("would expire " + expirable + " snapshots");
        } else if (expirable > 0) {
            table.refresh();
            int snapshots = TableFiles.of(table).snapshots();
            SnapshotExpiry.expire(table, cutoff, policy.retainLast());
            table.refresh();
            expired = snapshots - TableFiles.of(table).snapshots();
        }

        int orphans = orphans(table, dryRun);
        if (orphans > 0 && dryRun) {
            notes.add("would remove " + orphans + " orphan files");
        }
        TableFiles after = dryRun ? before : TableFiles.of(table);
        return new TableUpkeep(name, before, after, rewritten, added, bytes, expired, keptForReports, kept.missing(),
                orphans, (System.nanoTime() - start) / 1_000_000, notes);
    }

    private RewriteDataFiles.Result compact(Table table) {
        return SparkActions.get(spark).rewriteDataFiles(table).binPack()
                .option("target-file-size-bytes", Long.toString(policy.targetFileSizeBytes()))
                .option("min-input-files", Integer.toString(policy.minInputFiles()))
                // a file with any delete to apply is rewritten without it: reads no longer merge deletes
                .option("delete-file-threshold", "1")
                .option("remove-dangling-deletes", "true")
                .execute();
    }

    private int orphans(Table table, boolean dryRun) {
        long olderThan = clock.millis() - policy.orphanMinAge().toMillis();
        if (OrphanScan.candidates(table, olderThan) == 0) {
            return 0;
        }
        DeleteOrphanFiles action = SparkActions.get(spark).deleteOrphanFiles(table)
                .olderThan(olderThan);
        if (dryRun) {
            action = action.deleteWith(path -> { });
        }
        int n = 0;
        for (String ignored : action.execute().orphanFileLocations()) {
            n++;
        }
        return n;
    }

    private Table load(String name) {
        try {
            // qualified by the catalog: Spark3Util would first try the namespace as a catalog name, and log it
            return Spark3Util.loadIcebergTable(spark, spark.conf().get("spark.sql.defaultCatalog") + "." + name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load table " + name + ": " + e.getMessage(), e);
        }
    }
}
