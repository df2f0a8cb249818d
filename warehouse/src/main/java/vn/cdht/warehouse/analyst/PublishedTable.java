package vn.cdht.warehouse.analyst;

/** One table of the analyst database and the Iceberg snapshot it was copied from (NULL: the table had none). */
public record PublishedTable(String schema, String table, Long snapshotId, long rows) {

    public String qualifiedName() {
        return schema + "." + table;
    }
}
