package vn.cdht.warehouse.migration;

import java.time.Instant;

/** One line of {@code cdht warehouse info}: a migration, its state, and when it was applied (or failed). */
public record MigrationInfo(MigrationVersion version, String description, String script, MigrationState state,
        Instant installedAt, Long executionMs) {
}
