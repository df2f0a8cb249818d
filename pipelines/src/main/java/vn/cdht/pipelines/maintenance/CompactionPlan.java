package vn.cdht.pipelines.maintenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The data files compaction would rewrite, found the way Iceberg's bin-packing finds them, from the manifests only: in
 * each partition, the files smaller than three quarters of the target size when there are at least
 * {@code min-input-files} of them, and every file that has deletes to apply. Lets upkeep skip a table with nothing to
 * do without starting a Spark job, and lets a dry run say what it would rewrite.
 */
final class CompactionPlan {

    /** Iceberg's default min-file-size-bytes: 75% of the target. */
    private static final double SMALL = 0.75;

    private CompactionPlan() {
    }

    /** The data files that would be rewritten (0: nothing to compact). */
    static int candidates(Table table, MaintenancePolicy policy) {
        if (table.currentSnapshot() == null) {
            return 0;
        }
        Map<String, int[]> byPartition = new HashMap<>();
        long small = (long) (policy.targetFileSizeBytes() * SMALL);
        try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
            for (FileScanTask task : tasks) {
                String partition = task.spec().specId() + "/" + task.spec().partitionToPath(task.file().partition());
                int[] counts = byPartition.computeIfAbsent(partition, p -> new int[2]);
                if (!task.deletes().isEmpty()) {
                    counts[1]++;
                } else if (task.file().fileSizeInBytes() < small) {
                    counts[0]++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int files = 0;
        for (int[] counts : byPartition.values()) {
            boolean enoughSmall = counts[0] + counts[1] >= policy.minInputFiles();
            files += counts[1] + (enoughSmall ? counts[0] : 0);
        }
        return files;
    }
}
