package vn.cdht.orchestration.pipeline;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.catalog.TableIdentifier;
import vn.cdht.orchestration.app.Installation;
import vn.cdht.pipelines.maintenance.MaintenancePolicy;
import vn.cdht.pipelines.maintenance.ReportedSnapshots;
import vn.cdht.pipelines.maintenance.TableMaintenance;
import vn.cdht.pipelines.maintenance.TableUpkeep;
import vn.cdht.reports.ReportSnapshots;
import vn.cdht.reports.registry.RenderedReport;
import vn.cdht.reports.registry.ReportRegistry;
import vn.cdht.warehouse.catalog.WarehouseInventory;

/**
 * The maintain stage: table upkeep ({@link TableMaintenance}) of every table, or of one, keeping every snapshot a
 * registered report read (the report register's {@code snapshots}), so that {@code cdht bulletin --reproduce} still
 * gives the same figures.
 */
public final class MaintainStage {

    /** What upkeep did, table by table, under which policy. */
    public record Result(MaintenancePolicy policy, List<TableUpkeep> tables, boolean dryRun, long millis) {
    }

    /** {@code --table} names no table of the catalog. */
    public static final class NoSuchTable extends IllegalArgumentException {
        NoSuchTable(String message) {
            super(message);
        }
    }

    private final Installation app;

    public MaintainStage(Installation app) {
        this.app = app;
    }

    /** @param table {@code namespace.table}, or NULL for every table */
    public Result run(String table, boolean dryRun) {
        long start = System.nanoTime();
        MaintenancePolicy policy = MaintenancePolicy.from(app.config());
        List<TableIdentifier> tables = tables(table);
        ReportedSnapshots reported = reported();
        List<TableUpkeep> done = new TableMaintenance(app.spark(), policy, Clock.systemUTC(), app::progress)
                .run(tables, reported, dryRun);
        return new Result(policy, done, dryRun, (System.nanoTime() - start) / 1_000_000);
    }

    private List<TableIdentifier> tables(String table) {
        List<TableIdentifier> all = new WarehouseInventory(app.catalog()).identifiers();
        if (table == null) {
            return all;
        }
        List<TableIdentifier> one = all.stream().filter(id -> id.toString().equals(table.strip())).toList();
        if (one.isEmpty()) {
            throw new NoSuchTable("no table " + table + " in the catalog (cdht status lists them)");
        }
        return one;
    }

    /** Every snapshot of every registered report (a reproduction reads its original's: it adds none). */
    private ReportedSnapshots reported() {
        Map<String, Set<Long>> byTable = new HashMap<>();
        for (RenderedReport report : new ReportRegistry(app.control()).originals(null)) {
            ReportSnapshots.parse(report.snapshots()).byTable().forEach((t, id) -> {
                if (id != null) {
                    byTable.computeIfAbsent(t, k -> new HashSet<>()).add(id);
                }
            });
        }
        return new ReportedSnapshots(byTable);
    }
}
