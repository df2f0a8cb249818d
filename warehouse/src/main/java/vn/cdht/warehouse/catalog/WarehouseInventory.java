package vn.cdht.warehouse.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import vn.cdht.warehouse.analyst.LiveRows;

/**
 * Lists every table of the catalog with its live row count, current snapshot, snapshots kept and data files, from
 * Iceberg metadata (and, for a table with merge-on-read deletes, its delete files: {@link LiveRows}).
 */
public final class WarehouseInventory {

    private final Catalog catalog;

    public WarehouseInventory(Catalog catalog) {
        this.catalog = catalog;
    }

    public List<TableStatus> tables() {
        List<TableStatus> out = new ArrayList<>();
        for (TableIdentifier id : identifiers()) {
            out.add(status(id));
        }
        out.sort(Comparator.comparing(TableStatus::qualifiedName));
        return out;
    }

    /** Every table of the catalog, by namespace then name. */
    public List<TableIdentifier> identifiers() {
        List<TableIdentifier> out = new ArrayList<>();
        for (Namespace ns : namespaces()) {
            out.addAll(catalog.listTables(ns));
        }
        out.sort(Comparator.comparing(TableIdentifier::toString));
        return out;
    }

    public boolean exists(TableIdentifier id) {
        return catalog.tableExists(id);
    }

    /** The table's current snapshot, null when it has none: from its metadata only, no file listed. */
    public Long snapshotId(TableIdentifier id) {
        Snapshot snapshot = catalog.loadTable(id).currentSnapshot();
        return snapshot == null ? null : snapshot.snapshotId();
    }

    /**
     * Whether the table holds what snapshot {@code snapshotId} held: it is that snapshot, or every commit since (back
     * along the current snapshot's ancestors) rewrote files without changing rows (a compaction's {@code replace}).
     */
    public boolean onlyRewrittenSince(TableIdentifier id, Long snapshotId) {
        if (snapshotId == null) {
            return false;
        }
        Table table = catalog.loadTable(id);
        Snapshot at = table.currentSnapshot();
        while (at != null && at.snapshotId() != snapshotId) {
            if (!"replace".equals(at.operation())) {
                return false;
            }
            at = at.parentId() == null ? null : table.snapshot(at.parentId());
        }
        return at != null;
    }

    public TableStatus status(TableIdentifier id) {
        Table table = catalog.loadTable(id);
        Snapshot snapshot = table.currentSnapshot();
        String ns = String.join(".", id.namespace().levels());
        TableFiles files = TableFiles.of(table);
        if (snapshot == null) {
            return new TableStatus(ns, id.name(), 0, 0, null, null, files.snapshots(), 0);
        }
        LiveRows.Count live = LiveRows.of(table, snapshot);
        return new TableStatus(ns, id.name(), live.rows(), live.deleteFiles(), snapshot.snapshotId(),
                Instant.ofEpochMilli(snapshot.timestampMillis()), files.snapshots(), files.dataFiles());
    }

    private List<Namespace> namespaces() {
        if (!(catalog instanceof SupportsNamespaces sn)) {
            return List.of(Namespace.empty());
        }
        List<Namespace> out = new ArrayList<>();
        collect(sn, Namespace.empty(), out);
        return out;
    }

    private static void collect(SupportsNamespaces sn, Namespace parent, List<Namespace> out) {
        for (Namespace child : sn.listNamespaces(parent)) {
            out.add(child);
            collect(sn, child, out);
        }
    }
}
