package vn.cdht.pipelines.maintenance;

import java.util.List;
import vn.cdht.warehouse.catalog.TableFiles;

/**
 * What upkeep did to one table (or, on a dry run, would do).
 *
 * @param before the snapshots and files before
 * @param after the same afterwards (on a dry run: {@code before})
 * @param rewrittenDataFiles data files compaction replaced (on a dry run: the data files it would consider)
 * @param addedDataFiles data files compaction wrote in their place
 * @param rewrittenBytes bytes of the replaced data files
 * @param expiredSnapshots snapshots expired (on a dry run: that would be)
 * @param keptForReports snapshots older than the retention kept only because a registered report read them
 * @param missingForReports snapshots a registered report read that the table no longer has (expired before cdht kept
 *     them): those reports cannot be reproduced
 * @param orphanFiles files no snapshot references, removed (on a dry run: that would be)
 * @param notes what was done or skipped, for people
 */
public record TableUpkeep(String table, TableFiles before, TableFiles after, int rewrittenDataFiles, int addedDataFiles,
                          long rewrittenBytes, int expiredSnapshots, int keptForReports, List<Long> missingForReports,
                          int orphanFiles, long millis, List<String> notes) {

    public TableUpkeep {
        missingForReports = List.copyOf(missingForReports);
        notes = List.copyOf(notes);
    }

    /** Whether anything was (or would be) rewritten, expired or removed. */
    public boolean changed() {
        return rewrittenDataFiles > 0 || expiredSnapshots > 0 || orphanFiles > 0 || before.deleteFiles() != after.deleteFiles();
    }
}
