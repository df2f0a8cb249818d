package vn.cdht.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import vn.cdht.warehouse.catalog.CatalogSettings;
import vn.cdht.warehouse.catalog.TableStatus;
import vn.cdht.warehouse.catalog.WarehouseInventory;
import vn.cdht.warehouse.control.ControlDatabase;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the installation and every Iceberg table with its rows and snapshot.",
                "Home folder, control database and its schema version, the Iceberg catalog, and every table",
                "with its live row count, current snapshot id, when that snapshot was committed, how many snapshots",
                "the table keeps, the data files of its current snapshot and the delete files its reads still apply",
                "(merge-on-read MERGE writes them). 'cdht maintain' compacts the files and expires old snapshots:",
                "these columns show its effect. Reads metadata and delete files only (no Spark), so it is quick."})
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    Cdht root;

    @Override
    public Integer call() {
        try (CdhtContext ctx = root.context()) {
            print(ctx);
            return 0;
        }
    }

    static void print(CdhtContext ctx) {
        ControlDatabase control = ctx.control();
        CatalogSettings catalog = CatalogSettings.from(ctx.config());
        var out = ctx.out();
        out.println("Home:             " + ctx.config().home());
        out.println("Configuration:    " + ctx.config().file().map(f -> "built-in defaults + " + f).orElse("built-in defaults"));
        out.println("Control database: " + control.settings().displayUrl() + " (" + control.dialect().name().toLowerCase()
                + "), schema version " + control.version().orElse("none"));
        out.println("Iceberg catalog:  " + catalog.name() + " (" + catalog.type()
                + (catalog.properties().containsKey("uri") ? ", " + catalog.properties().get("uri") : "") + ")");
        out.println("Warehouse:        " + catalog.warehouse());
        out.println();
        List<TableStatus> tables = new WarehouseInventory(ctx.catalog()).tables();
        if (tables.isEmpty()) {
            out.println("No Iceberg tables yet: run 'cdht reference load' or 'cdht demo'.");
            out.flush();
            return;
        }
        TextTable t = new TextTable("TABLE", "ROWS", "SNAPSHOT ID", "COMMITTED (ICT)", "SNAPSHOTS", "DATA FILES",
                "DELETE FILES");
        for (TableStatus s : tables) {
            t.row(s.qualifiedName(), s.rowsKnown() ? s.rows() : "?", s.snapshotId(),
                    s.committedAt() == null ? "" : DbCommand.LOCAL_TIME.format(s.committedAt()), s.snapshots(),
                    s.dataFiles(), s.deleteFiles());
        }
        t.print(out);
        out.println(tables.size() + " tables.");
        if (tables.stream().anyMatch(s -> !s.rowsKnown())) {
            out.println("?: rows not countable from the delete files (equality deletes, or files not on a local disk);"
                    + " compact the table (cdht maintain) to count them.");
        }
        out.flush();
    }
}
