package vn.cdht.pipelines.maintenance;

import java.util.HashSet;
import java.util.Set;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;

/**
 * Expires the snapshots committed before the retention cut-off, keeping the newest {@code retain-last} of the main
 * branch and every snapshot a tag or branch points at ({@link ReportTags}); removes the files only they referenced.
 */
final class SnapshotExpiry {

    private SnapshotExpiry() {
    }

    /**
     * The snapshots expiry may remove: older than the cut-off, not among the newest kept, not referenced by a tag or
     * branch, nor in {@code reported} (not tagged yet on a dry run).
     */
    static int candidates(Table table, long cutoffMillis, int retainLast, Set<Long> reported) {
        Set<Long> kept = new HashSet<>(reported);
        for (SnapshotRef ref : table.refs().values()) {
            kept.add(ref.snapshotId());
        }
        Snapshot s = table.currentSnapshot();
        for (int i = 0; s != null && i < retainLast; i++) {
            kept.add(s.snapshotId());
            s = s.parentId() == null ? null : table.snapshot(s.parentId());
        }
        int expirable = 0;
        for (Snapshot snapshot : table.snapshots()) {
            if (snapshot.timestampMillis() < cutoffMillis && !kept.contains(snapshot.snapshotId())) {
                expirable++;
            }
        }
        return expirable;
    }

    /** Expires what {@link #candidates} found (Iceberg decides, with the same rules), if anything. */
    static void expire(Table table, long cutoffMillis, int retainLast) {
        table.expireSnapshots().expireOlderThan(cutoffMillis).retainLast(retainLast).cleanExpiredFiles(true).commit();
    }
}
