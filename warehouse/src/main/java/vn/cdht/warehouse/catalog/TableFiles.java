package vn.cdht.warehouse.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * How many snapshots a table keeps and how many data and delete files its current snapshot reads: what table upkeep
 * ({@code cdht maintain}) reduces. From metadata only: the current snapshot's summary, or, for a snapshot written
 * without one, its planned files.
 */
public record TableFiles(int snapshots, long dataFiles, long deleteFiles) {

    public static TableFiles of(Table table) {
        int snapshots = 0;
        for (Snapshot ignored : table.snapshots()) {
            snapshots++;
        }
        Snapshot current = table.currentSnapshot();
        if (current == null) {
            return new TableFiles(snapshots, 0, 0);
        }
        Map<String, String> summary = current.summary();
        String data = summary.get(SnapshotSummary.TOTAL_DATA_FILES_PROP);
        String deletes = summary.get(SnapshotSummary.TOTAL_DELETE_FILES_PROP);
        if (data != null && deletes != null) {
            return new TableFiles(snapshots, Long.parseLong(data), Long.parseLong(deletes));
        }
        return planned(table, current, snapshots);
    }

    private static TableFiles planned(Table table, Snapshot snapshot, int snapshots) {
        long data = 0;
        Set<String> deletes = new HashSet<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshot.snapshotId()).planFiles()) {
            for (FileScanTask task : tasks) {
                data++;
                task.deletes().forEach(d -> deletes.add(d.location()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TableFiles(snapshots, data, deletes.size());
    }
}
