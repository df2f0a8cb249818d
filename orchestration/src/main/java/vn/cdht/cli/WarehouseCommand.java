package vn.cdht.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import vn.cdht.orchestration.app.HomeLock;
import vn.cdht.pipelines.warehouse.WarehouseMigrations;
import vn.cdht.warehouse.catalog.CatalogSettings;
import vn.cdht.warehouse.migration.MigrationInfo;
import vn.cdht.warehouse.migration.MigrationResult;
import vn.cdht.warehouse.migration.MigrationVersion;

@Command(name = "warehouse", mixinStandardHelpOptions = true,
        description = {"The warehouse's tables and their versions (migrations of the Iceberg tables).",
                "The tables that hold what was ingested (raw, core, restricted, quarantine) are defined by",
                "versioned scripts, warehouse/migration/V<version>__<description>.sql, applied in order with",
                "Iceberg schema evolution and recorded in the table cdht_meta.schema_history. ref and mart",
                "tables have no migrations: every run rebuilds them from their SQL model."},
        subcommands = {WarehouseCommand.Migrate.class, WarehouseCommand.Info.class})
final class WarehouseCommand extends CommandGroup {

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = {"Apply the pending migrations of the warehouse's tables (columns added, renamed, widened).",
                    "Ingestion also does this before it starts, so a new installation and an upgraded one need",
                    "no extra step; this command does it now, under the home's writer lock. Running it again",
                    "applies nothing. An applied script that was edited is refused; a script that fails is",
                    "named with its statement, and the next migrate resumes at that statement."})
    static final class Migrate implements Callable<Integer> {
        @ParentCommand
        WarehouseCommand warehouse;

        @Override
        public Integer call() {
            try (CdhtContext ctx = warehouse.root.context(); HomeLock lock = ctx.lock("cdht warehouse migrate")) {
                MigrationResult result = ctx.installation().warehouseMigrations().migrate();
                ctx.out().println("Warehouse " + describe(ctx) + ": " + (result.applied().isEmpty()
                        ? "up to date, at version " + version(result.to()) + "."
                        : result.applied().size() + " migration(s) applied, now at version " + version(result.to())
                                + " (was " + version(result.from()) + ")."));
                if (!result.applied().isEmpty()) {
                    TextTable t = new TextTable("VERSION", "SCRIPT", "STATEMENTS", "TIME");
                    for (MigrationResult.Applied a : result.applied()) {
                        t.row(a.version(), a.script(), a.firstStatement() > 1
                                ? (a.statements() - a.firstStatement() + 1) + " of " + a.statements() + " (resumed)"
                                : a.statements(), seconds(a.executionMs()));
                    }
                    t.print(ctx.out());
                }
                ctx.out().flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = {"List the migrations of the warehouse's tables: version, description, script, state",
                    "(applied, pending, failed, changed: edited after it was applied; unknown: applied by a newer",
                    "cdht; out of order: older than the warehouse's version, never applied) and when applied.",
                    "Reads the history with Spark; changes nothing."})
    static final class Info implements Callable<Integer> {
        @ParentCommand
        WarehouseCommand warehouse;

        @Override
        public Integer call() {
            try (CdhtContext ctx = warehouse.root.context()) {
                WarehouseMigrations migrations = ctx.installation().warehouseMigrations();
                List<MigrationInfo> info = migrations.info();
                ctx.out().println("Warehouse " + describe(ctx) + ", version " + version(migrations.version()));
                TextTable t = new TextTable("VERSION", "DESCRIPTION", "SCRIPT", "STATE", "APPLIED (ICT)", "TIME");
                for (MigrationInfo m : info) {
                    t.row(m.version(), m.description(), m.script(), m.state().label(),
                            m.installedAt() == null ? "" : DbCommand.LOCAL_TIME.format(m.installedAt()),
                            m.executionMs() == null ? "" : seconds(m.executionMs()));
                }
                t.print(ctx.out());
                ctx.out().flush();
                return ExitCodes.OK;
            }
        }
    }

    private static String describe(CdhtContext ctx) {
        CatalogSettings catalog = CatalogSettings.from(ctx.config());
        return catalog.name() + " (" + catalog.warehouse() + ")";
    }

    private static String version(java.util.Optional<MigrationVersion> v) {
        return v.map(MigrationVersion::toString).orElse("none");
    }

    private static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
