package vn.cdht.cli;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import vn.cdht.warehouse.control.AppliedMigration;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.config.VietnamTime;

@Command(name = "db", mixinStandardHelpOptions = true,
        description = {"The control database: runs, stages and ledgers (Flyway migrations).",
                "SQLite under the home folder, or PostgreSQL by configuration (control.url)."},
        subcommands = {DbCommand.Migrate.class, DbCommand.Info.class})
final class DbCommand extends CommandGroup {

    static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(VietnamTime.ZONE);

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Apply pending migrations (every command also does this on start).")
    static final class Migrate implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() {
            try (CdhtContext ctx = db.root.context()) {
                ControlDatabase control = ctx.controlUnmigrated();
                int applied = control.migrate();
                ctx.out().println("Control database " + control.settings().displayUrl() + ": " + applied
                        + " migration(s) applied, now at version " + control.version().orElse("none") + ".");
                return 0;
            }
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "List the migrations of the control database: version, description, state, when applied.")
    static final class Info implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() {
            try (CdhtContext ctx = db.root.context()) {
                ControlDatabase control = ctx.controlUnmigrated();
                List<AppliedMigration> migrations = control.info();
                ctx.out().println("Control database: " + control.settings().displayUrl()
                        + " (" + control.dialect().name().toLowerCase() + "), version " + control.version().orElse("none"));
                TextTable t = new TextTable("VERSION", "DESCRIPTION", "STATE", "APPLIED (ICT)");
                for (AppliedMigration m : migrations) {
                    t.row(m.version(), m.description(), m.state(), m.installedOn() == null ? "" : LOCAL_TIME.format(m.installedOn()));
                }
                t.print(ctx.out());
                return 0;
            }
        }
    }
}
