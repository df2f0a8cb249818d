package vn.cdht.pipelines.maintenance;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.config.ConfigException;

/**
 * How {@code cdht maintain} keeps the tables in shape: the {@code maintain.*} configuration keys (their defaults, and
 * why, in cdht-defaults.properties).
 *
 * @param snapshotRetention snapshots committed longer ago are expired, unless kept for another reason
 * @param retainLast the newest snapshots of every table kept whatever their age (the current one included)
 * @param orphanMinAge files younger than this are never removed as orphans: they may be a running job's, not committed yet
 * @param targetFileSizeBytes the size compaction writes data files at
 * @param minInputFiles a partition is compacted once it has at least this many data files (or any file with deletes)
 * @param compactedNamespaces the namespaces whose tables are compacted (the others are rewritten whole by each write)
 */
public record MaintenancePolicy(Duration snapshotRetention, int retainLast, Duration orphanMinAge, long targetFileSizeBytes,
                                int minInputFiles, Set<String> compactedNamespaces) {

    public MaintenancePolicy {
        compactedNamespaces = Set.copyOf(compactedNamespaces);
    }

    public static MaintenancePolicy from(CdhtConfig config) {
        int days = atLeast(config, "maintain.snapshot-retention-days", 0);
        int retainLast = atLeast(config, "maintain.retain-last", 1);
        int orphanHours = atLeast(config, "maintain.orphan-min-age-hours", 1);
        int targetMb = atLeast(config, "maintain.target-file-size-mb", 1);
        int minInputFiles = atLeast(config, "maintain.min-input-files", 2);
        Set<String> namespaces = Arrays.stream(config.get("maintain.compact-namespaces", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new MaintenancePolicy(Duration.ofDays(days), retainLast, Duration.ofHours(orphanHours),
                targetMb * 1024L * 1024L, minInputFiles, namespaces);
    }

    public boolean compacts(String namespace) {
        return compactedNamespaces.contains(namespace);
    }

    private static int atLeast(CdhtConfig config, String key, int min) {
        int value = config.requireInt(key);
        if (value < min) {
            throw new ConfigException("configuration key " + key + " must be at least " + min + ", not " + value);
        }
        return value;
    }
}
