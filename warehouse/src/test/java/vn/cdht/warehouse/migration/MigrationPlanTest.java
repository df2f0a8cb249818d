package vn.cdht.warehouse.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ordering, checksums and the history's verdicts, without a warehouse. */
class MigrationPlanTest {

    private static final MigrationScript V1 = MigrationScript.of("V1__initial_tables.sql", "CREATE TABLE a (x INT);\n");
    private static final MigrationScript V2 = MigrationScript.of("V2__b.sql", "ALTER TABLE a ADD COLUMN y INT;\nALTER TABLE a ADD COLUMN z INT;\n");
    private static final MigrationScript V10 = MigrationScript.of("V10__c.sql", "ALTER TABLE a RENAME COLUMN y TO w;\n");

    @Test
    void versionsAreOrderedAsNumbers() {
        MigrationScripts scripts = new MigrationScripts(List.of(V10, MigrationScript.of("V2.1__x.sql", ""), V2, V1));
        assertEquals(List.of("1", "2", "2.1", "10"), scripts.all().stream().map(s -> s.version().toString()).toList());
        assertEquals(MigrationVersion.parse("2_1"), MigrationVersion.parse("2.1"));
        assertEquals("b", V2.description());
        assertEquals(2, V2.statements().size());
    }

    @Test
    void cdhtsOwnMigrationsStartWithTheInitialTables() {
        MigrationScript first = MigrationScripts.cdht().all().get(0);
        assertEquals("V1__initial_tables.sql", first.script());
        assertTrue(first.statements().stream().anyMatch(s -> s.startsWith("CREATE TABLE IF NOT EXISTS core.accounts (")));
    }

    @Test
    void twoScriptsOfOneVersionOrABadNameAreRefused() {
        WarehouseMigrationException same = assertThrows(WarehouseMigrationException.class,
                () -> new MigrationScripts(List.of(V2, MigrationScript.of("V2__other.sql", ""))));
        assertEquals("warehouse migrations V2__b.sql and V2__other.sql have the same version 2: give one of them the next"
                + " free version", same.getMessage());
        assertThrows(WarehouseMigrationException.class, () -> MigrationScript.of("V2_missing_separator.sql", ""));
    }

    @Test
    void theChecksumIgnoresLineEndings() {
        assertEquals(V2.checksum(), MigrationScript.of(V2.script(), V2.text().replace("\n", "\r\n")).checksum());
        assertTrue(!V2.checksum().equals(MigrationScript.of(V2.script(), V2.text() + " ").checksum()));
    }

    @Test
    void pendingAreTheUnappliedInOrderUpToTheTarget() {
        MigrationPlan plan = new MigrationPlan(new MigrationScripts(List.of(V1, V2, V10)), List.of(applied(V1)));
        assertEquals(Optional.of(V1.version()), plan.current());
        assertEquals(List.of(new PendingMigration(V2, 1), new PendingMigration(V10, 1)), plan.pending(Optional.empty()));
        assertEquals(List.of(new PendingMigration(V2, 1)), plan.pending(Optional.of(V2.version())));
    }

    @Test
    void aFailedMigrationResumesAtItsFailedStatementEvenIfCorrected() {
        SchemaHistoryEntry failed = new SchemaHistoryEntry(V2.version(), V2.description(), V2.script(), "old checksum",
                Instant.now(), 5, false, 2, "no such column");
        MigrationPlan plan = new MigrationPlan(new MigrationScripts(List.of(V1, V2)), List.of(applied(V1), failed));
        assertEquals(List.of(new PendingMigration(V2, 2)), plan.pending(Optional.empty()));
        assertEquals(MigrationState.FAILED, plan.info().get(1).state());
    }

    @Test
    void anEditedAppliedScriptIsRefusedInOneLine() {
        MigrationScript edited = MigrationScript.of(V1.script(), "CREATE TABLE a (x BIGINT);\n");
        MigrationPlan plan = new MigrationPlan(new MigrationScripts(List.of(edited, V2)), List.of(applied(V1)));
        WarehouseMigrationException e = assertThrows(WarehouseMigrationException.class, () -> plan.pending(Optional.empty()));
        assertTrue(e.getMessage().matches("warehouse migration V1__initial_tables\\.sql was edited after it was applied on .*"
                + " \\(checksum \\w{12}… then, \\w{12}… now\\): put it back as it was and write the change as a new migration"
                + " V3__<what_changes>\\.sql"), e.getMessage());
        assertEquals(MigrationState.CHANGED, plan.info().get(0).state());
    }

    @Test
    void aNewScriptOlderThanTheWarehouseIsRefused() {
        MigrationScript late = MigrationScript.of("V1.5__late.sql", "SELECT 1;\n");
        MigrationPlan plan = new MigrationPlan(new MigrationScripts(List.of(V1, late, V2)), List.of(applied(V1), applied(V2)));
        WarehouseMigrationException e = assertThrows(WarehouseMigrationException.class, () -> plan.pending(Optional.empty()));
        assertEquals("warehouse migration V1.5__late.sql is older than the warehouse's version 2 and was never applied:"
                + " give it a version above 2 (rename it V3__late.sql)", e.getMessage());
    }

    @Test
    void aMigrationAppliedByANewerCdhtIsRefused() {
        MigrationPlan plan = new MigrationPlan(new MigrationScripts(List.of(V1)), List.of(applied(V1), applied(V2)));
        WarehouseMigrationException e = assertThrows(WarehouseMigrationException.class, () -> plan.pending(Optional.empty()));
        assertEquals("the warehouse has migration V2__b.sql applied by a newer cdht, which this one does not have (its newest"
                + " is V1): run the cdht that upgraded the warehouse, or a newer one", e.getMessage());
        assertEquals(MigrationState.UNKNOWN, plan.info().get(1).state());
    }

    private static SchemaHistoryEntry applied(MigrationScript s) {
        return new SchemaHistoryEntry(s.version(), s.description(), s.script(), s.checksum(), Instant.now(), 10, true, null, null);
    }
}
