package vn.cdht.warehouse.analyst;

import java.sql.Connection;
import java.sql.SQLException;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchTableException;

/**
 * Loads Iceberg tables, at their current snapshot or at a given one (time travel), into a DuckDB connection as
 * tables of the same {@code namespace.name}. What the bulletins read: a report records the snapshot ids it was
 * loaded from, and loading those ids again gives it back with identical figures.
 */
public final class SnapshotLoader {

    /** A table as loaded: the snapshot it came from (NULL if the table had none) and its commit time. */
    public record Loaded(String table, Long snapshotId, Long committedAtMillis, long rows) {
    }

    private final Catalog catalog;
    private final Connection duck;

    public SnapshotLoader(Catalog catalog, Connection duck) {
        this.catalog = catalog;
        this.duck = duck;
    }

    /**
     * Loads {@code namespace.name}.
     *
     * @param snapshotId the snapshot to read, or NULL for the current one
     * @param filter a DuckDB condition on the table's columns, or NULL for every row
     */
    public Loaded load(String qualifiedName, Long snapshotId, String filter) {
        String[] parts = qualifiedName.split("\\.", 2);
        Table table;
        try {
            table = catalog.loadTable(TableIdentifier.of(parts[0], parts[1]));
        } catch (NoSuchTableException e) {
            throw new AnalystException("table " + qualifiedName + " does not exist yet: run the stage that writes it"
                    + " (cdht ingest, cdht indicators) first", e);
        }
        Snapshot snapshot = snapshotId == null ? table.currentSnapshot() : table.snapshot(snapshotId);
        if (snapshotId != null && snapshot == null) {
            throw new AnalystException("table " + qualifiedName + " no longer has snapshot " + snapshotId
                    + " (expired?): the report cannot be reproduced from it");
        }
        Schema schema = snapshot == null ? table.schema() : table.schemas().getOrDefault(snapshot.schemaId(), table.schema());
        SnapshotFiles files = SnapshotFiles.of(table, snapshot, qualifiedName);
        try {
            long rows = new TableCopy(duck).copy(parts[0], parts[1], schema, files, filter);
            return new Loaded(qualifiedName, files.snapshotId(), snapshot == null ? null : snapshot.timestampMillis(), rows);
        } catch (SQLException e) {
            throw new AnalystException("cannot load table " + qualifiedName + ": " + AnalystException.firstLine(e), e);
        }
    }
}
