package vn.cdht.cli;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.cdht.orchestration.pipeline.PipelineRun;
import vn.cdht.warehouse.control.RunLedger;
import vn.cdht.warehouse.control.RunLock;
import vn.cdht.warehouse.config.VietnamTime;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"List the recorded runs and their stages: start, end, status, rows, snapshot ids or notes, errors;",
                "and who holds the run lock, if anyone."},
        footer = {"", "Examples:",
                "  cdht runs",
                "  cdht runs --run 12",
                "  cdht runs --all --limit 50      # every command's runs, not only cdht run"})
final class RunsCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(VietnamTime.ZONE);

    @ParentCommand
    Cdht root;

    @Option(names = "--run", paramLabel = "ID", description = "One run with its stages.")
    Long run;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many runs (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--all", description = "Runs of every command (indicators, reference load, ...), not only cdht run.")
    boolean all;

    @Override
    public Integer call() {
        try (CdhtContext ctx = root.context()) {
            if (run != null) {
                printRun(ctx, run);
                return 0;
            }
            RunLedger ledger = new RunLedger(ctx.control());
            List<RunLedger.RunRecord> runs = ledger.runs(all ? null : PipelineRun.COMMAND, limit);
            if (runs.isEmpty()) {
                ctx.out().println("No runs yet: cdht run starts one.");
            }
            for (RunLedger.RunRecord r : runs) {
                printRun(ctx, ledger, r);
            }
            new RunLock(ctx.control(), "pipeline", Duration.ofMinutes(10)).holder().ifPresent(h -> ctx.out().println(
                    "Lock held by " + h.describe() + " since " + TIME.format(h.acquiredAt()) + ", heartbeat " + TIME.format(h.heartbeatAt())));
            ctx.out().flush();
            return 0;
        }
    }

    static void printRun(CdhtContext ctx, Long runId) {
        if (runId == null) {
            return;
        }
        RunLedger ledger = new RunLedger(ctx.control());
        ledger.run(runId).ifPresentOrElse(r -> printRun(ctx, ledger, r), () -> ctx.out().println("No run " + runId + "."));
        ctx.out().flush();
    }

    private static void printRun(CdhtContext ctx, RunLedger ledger, RunLedger.RunRecord r) {
        var out = ctx.out();
        out.println("Run " + r.id() + " (" + r.command() + (r.period() == null ? "" : ", period " + r.period()) + ") "
                + r.status() + ", started " + TIME.format(r.startedAt())
                + (r.endedAt() == null ? "" : ", " + seconds(r.startedAt(), r.endedAt()) + " s") + " on " + r.host()
                + (r.error() == null ? "" : ": " + r.error()));
        TextTable t = new TextTable("STAGE", "STATUS", "STARTED", "SECONDS", "ROWS", "SNAPSHOTS / NOTE", "ERROR");
        for (RunLedger.StageRecord s : ledger.stages(r.id())) {
            t.row(s.stage(), s.status(), TIME.format(s.startedAt()), s.endedAt() == null ? "" : seconds(s.startedAt(), s.endedAt()),
                    s.rowsOut() == null ? "" : s.rowsOut(), shorten(s.snapshotIds()), s.error() == null ? "" : s.error());
        }
        t.print(out);
        out.println();
    }

    private static String seconds(java.time.Instant a, java.time.Instant b) {
        return String.format(Locale.ROOT, "%.1f", Duration.between(a, b).toMillis() / 1000.0);
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() <= 90 ? s : s.substring(0, 87) + "...";
    }
}
