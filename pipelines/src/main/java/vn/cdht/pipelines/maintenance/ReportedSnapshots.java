package vn.cdht.pipelines.maintenance;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The snapshots that registered reports read, by table ({@code namespace.table}): upkeep must keep every one of
 * them, however old, so that {@code cdht bulletin --reproduce} reads the same rows again.
 */
public record ReportedSnapshots(Map<String, Set<Long>> byTable) {

    public static final ReportedSnapshots NONE = new ReportedSnapshots(Map.of());

    public ReportedSnapshots {
        Map<String, Set<Long>> copy = new TreeMap<>();
        byTable.forEach((t, ids) -> copy.put(t, Set.copyOf(new TreeSet<>(ids))));
        byTable = Map.copyOf(copy);
    }

    public Set<Long> of(String table) {
        return byTable.getOrDefault(table, Set.of());
    }
}
