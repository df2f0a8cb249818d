package vn.cdht.warehouse.analyst;

import java.util.Objects;
import org.apache.iceberg.Table;

/**
 * One table of the analyst database and the Iceberg snapshot (NULL: the table had none) and schema it was copied from;
 * {@code copied} is false when the previous analyst database already held that snapshot and it was kept as it was.
 */
public record PublishedTable(String schema, String table, Long snapshotId, int schemaId, long rows, boolean copied) {

    public String qualifiedName() {
        return schema + "." + table;
    }

    /** Whether this copy is of {@code table}'s current snapshot and schema. */
    boolean holds(Table table) {
        Long current = table.currentSnapshot() == null ? null : table.currentSnapshot().snapshotId();
        return Objects.equals(snapshotId, current) && schemaId == table.schema().schemaId();
    }

    /** The same table, kept from the previous analyst database. */
    PublishedTable kept() {
        return new PublishedTable(schema, table, snapshotId, schemaId, rows, false);
    }
}
