package vn.cdht.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.cdht.orchestration.app.HomeLock;
import vn.cdht.orchestration.pipeline.MaintainStage;
import vn.cdht.pipelines.maintenance.MaintenancePolicy;
import vn.cdht.pipelines.maintenance.TableUpkeep;

@Command(name = "maintain", mixinStandardHelpOptions = true,
        description = {"Table upkeep: compact small files, apply delete files, expire old snapshots, remove orphan files.",
                "For every Iceberg table (or the one of --table): in the namespaces of maintain.compact-namespaces,",
                "bin-packs small data files into files of maintain.target-file-size-mb and rewrites every file with",
                "merge-on-read deletes without them; expires the snapshots older than maintain.snapshot-retention-days,",
                "keeping the newest maintain.retain-last and every snapshot a registered report read (tagged",
                "cdht-report-<snapshot id>), so that 'cdht bulletin --reproduce' gives the same figures afterwards;",
                "removes the files no snapshot references that are older than maintain.orphan-min-age-hours. A table",
                "with nothing to do is left as it is. 'cdht status' shows the snapshots and files of every table.",
                "Also the last stage of 'cdht run' and the schedule entry schedule.maintain."},
        footer = {"", "Examples:",
                "  cdht maintain --dry-run",
                "  cdht maintain",
                "  cdht maintain --table core.self_assessments"})
final class MaintainCommand implements Callable<Integer> {

    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    @ParentCommand
    Cdht root;

    @Option(names = "--table", paramLabel = "NS.TABLE",
            description = "Maintain this table only, e.g. core.self_assessments (default: every table).")
    String table;

    @Option(names = "--dry-run",
            description = "Change nothing: list, table by table, what would be compacted, expired and removed.")
    boolean dryRun;

    @Override
    public Integer call() {
        try (CdhtContext ctx = root.context()) {
            try (HomeLock lock = ctx.lock("cdht maintain")) {
                print(ctx, new MaintainStage(ctx.installation()).run(table, dryRun));
                return ExitCodes.OK;
            } catch (MaintainStage.NoSuchTable e) {
                ctx.err().println(e.getMessage());
                return ExitCodes.USAGE;
            }
        }
    }

    static void print(CdhtContext ctx, MaintainStage.Result result) {
        var w = ctx.out();
        MaintenancePolicy p = result.policy();
        w.println((result.dryRun() ? "Dry run, nothing changed. " : "") + "Snapshots kept: the last "
                + p.snapshotRetention().toDays() + " days, the newest " + p.retainLast() + " and every one a report read;"
                + " orphan files removed once " + p.orphanMinAge().toHours() + " hours old.");
        TextTable t = new TextTable("TABLE", "SNAPSHOTS", "EXPIRED", "KEPT FOR REPORTS", "DATA FILES", "COMPACTED",
                "DELETE FILES", "MB REWRITTEN", "ORPHANS", "SECONDS");
        for (TableUpkeep u : result.tables()) {
            t.row(u.table(), change(u.before().snapshots(), u.after().snapshots(), result.dryRun()),
                    count(u.expiredSnapshots()), count(u.keptForReports()),
                    change(u.before().dataFiles(), u.after().dataFiles(), result.dryRun()), count(u.rewrittenDataFiles()),
                    change(u.before().deleteFiles(), u.after().deleteFiles(), result.dryRun()),
                    String.format(VI, "%.1f", u.rewrittenBytes() / 1048576.0), count(u.orphanFiles()),
                    String.format(VI, "%.1f", u.millis() / 1000.0));
        }
        t.print(w);
        long changed = result.tables().stream().filter(TableUpkeep::changed).count();
        w.println(String.format(VI, "%d tables, %d %s in %.1f s.", result.tables().size(), changed,
                result.dryRun() ? "to maintain" : "maintained", result.millis() / 1000.0));
        for (TableUpkeep u : result.tables()) {
            for (String note : u.notes()) {
                if (!result.dryRun() || !note.startsWith("would ")) {
                    w.println(u.table() + ": " + note);
                }
            }
        }
        w.flush();
    }

    /** {@code 12 → 3}; one number when unchanged or on a dry run. */
    private static String change(long before, long after, boolean dryRun) {
        return dryRun || before == after ? count(before) : count(before) + " → " + count(after);
    }

    /** A count the Vietnamese way: 12.345. */
    private static String count(long n) {
        return String.format(VI, "%,d", n);
    }
}
