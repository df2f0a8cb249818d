package vn.cdht.warehouse.catalog;

import java.time.Instant;

/**
 * One Iceberg table as {@code cdht status} shows it: the live rows and the snapshot of its current state.
 *
 * @param rows the live rows (those of the data files minus the deleted ones), or -1 when they cannot be counted
 *     from metadata and delete files alone (equality deletes, delete files not on a local disk)
 * @param deleteFiles the delete files reads of the snapshot still apply, until the table is compacted
 * @param snapshots the snapshots the table keeps (every commit until {@code cdht maintain} expires old ones)
 * @param dataFiles the data files of the current snapshot (many small ones until {@code cdht maintain} compacts them)
 */
public record TableStatus(String namespace, String table, long rows, int deleteFiles, Long snapshotId, Instant committedAt,
                          int snapshots, long dataFiles) {

    public String qualifiedName() {
        return namespace + "." + table;
    }

    public boolean rowsKnown() {
        return rows >= 0;
    }
}
