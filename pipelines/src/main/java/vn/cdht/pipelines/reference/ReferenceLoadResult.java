package vn.cdht.pipelines.reference;

import java.util.List;
import java.util.Map;

/** What a reference load did: each table with its rows and whether it was rewritten, and the anomalies by check. */
public record ReferenceLoadResult(List<TableLoad> tables, Map<String, List<String>> anomalies) {

    public record TableLoad(String table, long rows, boolean rewritten) {
    }

    public long rows(String table) {
        return tables.stream().filter(t -> t.table().equals(table)).mapToLong(TableLoad::rows).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + table));
    }
}
