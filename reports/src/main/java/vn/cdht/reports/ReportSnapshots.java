package vn.cdht.reports;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Iceberg snapshot each table of a report was read at, written {@code namespace.table=snapshot_id,...} in the
 * report register; a table that had no snapshot is written with the id {@code none}.
 */
public record ReportSnapshots(Map<String, Long> byTable) {

    public ReportSnapshots {
        byTable = Collections.unmodifiableMap(new TreeMap<>(byTable));
    }

    public static ReportSnapshots parse(String text) {
        Map<String, Long> m = new TreeMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.strip().split("=", 2);
            if (kv.length != 2) {
                throw new ReportException("malformed snapshot list in the report register: '" + text + "'");
            }
            m.put(kv[0], kv[1].equals("none") ? null : Long.parseLong(kv[1]));
        }
        return new ReportSnapshots(m);
    }

    public String format() {
        return byTable.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue() == null ? "none" : e.getValue()))
                .collect(Collectors.joining(","));
    }

    public boolean contains(String table) {
        return byTable.containsKey(table);
    }

    public Long get(String table) {
        return byTable.get(table);
    }
}
