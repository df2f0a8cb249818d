package vn.cdht.warehouse.analyst;

/**
 * One table of the analyst database and the Iceberg snapshot (NULL: the table had none) and schema it was copied from;
 * {@code copied} is false when the previous analyst database already held that snapshot and it was kept as it was.
 */
public record PublishedTable(String schema, String table, Long snapshotId, int schemaId, long rows, boolean copied) {

    public String qualifiedName() {
        return schema + "." + table;
    }

    /** The same table, kept from the previous analyst database. */
    PublishedTable kept() {
        return new PublishedTable(schema, table, snapshotId, schemaId, rows, false);
    }
}
