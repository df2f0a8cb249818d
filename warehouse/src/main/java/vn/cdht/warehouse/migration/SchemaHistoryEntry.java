package vn.cdht.warehouse.migration;

import java.time.Instant;

/**
 * One row of the warehouse's schema history: a migration that was applied, or that failed.
 *
 * @param checksum        {@link MigrationScript#checksum()} of the script as it was applied
 * @param failedStatement for a failed one, the statement (from 1) that failed: the ones before it were committed
 * @param error           for a failed one, why, in one line
 */
public record SchemaHistoryEntry(MigrationVersion version, String description, String script, String checksum,
        Instant installedAt, long executionMs, boolean success, Integer failedStatement, String error) {
}
