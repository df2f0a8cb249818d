package vn.cdht.warehouse.migration;

import java.util.List;
import java.util.Optional;

/** What one migrate did: the warehouse's version before and after, and each migration applied. */
public record MigrationResult(Optional<MigrationVersion> from, Optional<MigrationVersion> to, List<Applied> applied) {

    public MigrationResult {
        applied = List.copyOf(applied);
    }

    /**
     * One migration applied.
     *
     * @param firstStatement 1, or where a failed attempt stopped (the statements before it were committed then)
     * @param statements     how many statements the script has
     */
    public record Applied(MigrationVersion version, String script, int firstStatement, int statements, long executionMs) {
    }
}
