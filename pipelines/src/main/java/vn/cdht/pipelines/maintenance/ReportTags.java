package vn.cdht.pipelines.maintenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.ManageSnapshots;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;

/**
 * Keeps the snapshots registered reports read by tagging each one ({@code cdht-report-<snapshot id>}). Iceberg's
 * snapshot expiry can only be told an age and how many recent snapshots to keep, never "keep these ids"; it always
 * keeps a snapshot a tag points at while the tag lives, and a tag without its own max-ref-age lives as long as the
 * table's {@code history.expire.max-ref-age-ms}, unset (forever) on cdht's tables. One tag per snapshot, not per
 * report: the bulletins of every commune of a period read the same snapshots.
 *
 * <p>Tags are made again on every run, just before expiry: {@code CREATE OR REPLACE} (the marts) may drop a table's
 * tags, but not its snapshots. Tags are never removed here: a registered report stays reproducible.
 */
final class ReportTags {

    static final String PREFIX = "cdht-report-";

    /** What tagging found. */
    record Kept(int tagged, List<Long> missing) {
    }

    private ReportTags() {
    }

    static Kept keep(Table table, Set<Long> reported, boolean dryRun) {
        Map<String, SnapshotRef> refs = table.refs();
        ManageSnapshots tags = table.manageSnapshots();
        List<Long> missing = new ArrayList<>();
        int created = 0;
        for (long id : reported) {
            if (table.snapshot(id) == null) {
                missing.add(id);
            } else if (!refs.containsKey(PREFIX + id)) {
                tags.createTag(PREFIX + id, id);
                created++;
            }
        }
        if (created > 0 && !dryRun) {
            tags.commit();
        }
        return new Kept(reported.size() - missing.size(), missing);
    }
}
