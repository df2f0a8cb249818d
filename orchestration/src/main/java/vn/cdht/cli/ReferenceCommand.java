package vn.cdht.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.iceberg.catalog.TableIdentifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import vn.cdht.orchestration.app.ErrorMessages;
import vn.cdht.orchestration.app.HomeLock;
import vn.cdht.pipelines.reference.ReferenceLoad;
import vn.cdht.pipelines.reference.ReferenceLoadResult;
import vn.cdht.warehouse.catalog.WarehouseInventory;
import vn.cdht.warehouse.control.RunLedger;
import vn.cdht.warehouse.control.RunStatus;
import vn.cdht.warehouse.reference.ReferenceSources;

@Command(name = "reference", mixinStandardHelpOptions = true,
        description = {"Reference data: the geography before and after 1 July 2025, crosswalks, criteria, targets."},
        subcommands = {ReferenceCommand.Load.class})
final class ReferenceCommand extends CommandGroup {

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = {"Load the reference geography and the rules into the Iceberg namespace 'ref'.",
                    "Idempotent: unchanged tables are left as they are. Known anomalies of the source are reported, not fatal.",
                    "Rules files (criteria_sets.csv, achievement_rules.csv, citizen_groups.csv, targets.csv,",
                    "commune_crosswalk_overrides.csv) in the folder given by rules.dir replace the bundled ones."})
    static final class Load implements Callable<Integer> {
        @ParentCommand
        ReferenceCommand reference;

        @Override
        public Integer call() {
            try (CdhtContext ctx = reference.root.context(); HomeLock lock = ctx.lock("cdht reference load")) {
                loadAndReport(ctx);
                return 0;
            }
        }
    }

    /** Loads the reference data as a recorded run and prints what was loaded and the anomalies found. */
    static ReferenceLoadResult loadAndReport(CdhtContext ctx) {
        RunLedger ledger = new RunLedger(ctx.control());
        long run = ledger.startRun("reference load", null);
        long stage = ledger.startStage(run, "reference");
        try {
            ReferenceLoadResult result = new ReferenceLoad(ctx.spark(), ctx::progress)
                    .run(ReferenceSources.from(ctx.config()).readAll());
            String snapshots = snapshotIds(ctx, result);
            long rows = result.tables().stream().mapToLong(ReferenceLoadResult.TableLoad::rows).sum();
            ledger.finishStage(stage, RunStatus.SUCCEEDED, rows, snapshots, null);
            ledger.finishRun(run, RunStatus.SUCCEEDED, null);
            print(ctx, result);
            return result;
        } catch (RuntimeException e) {
            ledger.finishStage(stage, RunStatus.FAILED, null, null, ErrorMessages.oneLine(e));
            ledger.finishRun(run, RunStatus.FAILED, ErrorMessages.oneLine(e));
            throw e;
        }
    }

    private static String snapshotIds(CdhtContext ctx, ReferenceLoadResult result) {
        WarehouseInventory inventory = new WarehouseInventory(ctx.catalog());
        return result.tables().stream()
                .map(t -> t.table() + "=" + inventory.status(TableIdentifier.parse(t.table())).snapshotId())
                .collect(Collectors.joining(","));
    }

    private static void print(CdhtContext ctx, ReferenceLoadResult result) {
        TextTable t = new TextTable("TABLE", "ROWS", "THIS LOAD");
        for (ReferenceLoadResult.TableLoad load : result.tables()) {
            t.row(load.table(), load.rows(), load.rewritten() ? "written" : "unchanged");
        }
        ctx.out().println("Reference data in namespace 'ref':");
        t.print(ctx.out());
        ctx.out().println();
        if (result.anomalies().isEmpty()) {
            ctx.out().println("No anomalies found in the reference data.");
            return;
        }
        ctx.out().println("Known anomalies of the reference data (reported, not fatal; see ref.anomalies):");
        for (Map.Entry<String, List<String>> e : result.anomalies().entrySet()) {
            List<String> details = e.getValue();
            ctx.out().println("  " + e.getKey() + ": " + details.size());
            details.stream().limit(5).forEach(d -> ctx.out().println("      " + d));
            if (details.size() > 5) {
                ctx.out().println("      … and " + (details.size() - 5) + " more");
            }
        }
        ctx.out().flush();
    }
}
