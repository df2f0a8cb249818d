package vn.cdht.warehouse.catalog;

import java.time.Instant;

/** One Iceberg table as {@code cdht status} shows it: rows and snapshot of its current state. */
public record TableStatus(String namespace, String table, long rows, Long snapshotId, Instant committedAt) {

    public String qualifiedName() {
        return namespace + "." + table;
    }
}
