package vn.cdht.warehouse.migration;

/**
 * A migration to apply, from statement {@code firstStatement} (1, or where it failed last time: the statements before
 * that one were committed then and are not run again).
 */
public record PendingMigration(MigrationScript script, int firstStatement) {
}
