package vn.cdht.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.cdht.orchestration.pipeline.PipelineRun;
import vn.cdht.orchestration.pipeline.PipelineRunner;
import vn.cdht.orchestration.schedule.Schedule;
import vn.cdht.orchestration.schedule.ScheduleState;
import vn.cdht.orchestration.schedule.Scheduler;

@Command(name = "scheduler", mixinStandardHelpOptions = true,
        description = {"Run the configured schedule in the foreground (the embedded scheduler of a",
                "single-machine deployment). Each entry schedule.<name>.cron (minute hour",
                "day-of-month month day-of-week, in schedule.zone, default Vietnam time)",
                "runs the pipeline like 'cdht run': from the stage schedule.<name>.from, or only",
                "the stage schedule.<name>.only. Default: the whole pipeline daily at 02:00;",
                "bulletins and delivery on the 1st at 06:00 (on 1 January: December, the",
                "annual edition).",
                "Never two runs at once: a firing while a run is going is skipped. A fire time",
                "missed while the process was down runs once on start if it is at most",
                "schedule.misfire-grace-minutes (60) old. On SIGTERM it stops scheduling and",
                "waits up to schedule.shutdown-timeout-seconds (600) for the running run.",
                "Prints the entries with their next fire time; logs to standard error."},
        footer = {"", "Examples:",
                "  cdht scheduler --dry-run     # the next 5 fire times of every entry",
                "  cdht scheduler               # in the foreground (systemd: see the README)",
                "  cdht scheduler --once        # the next firing only; exit 0 if it succeeded, 3 if a file was rejected",
                "  CDHT_SCHEDULE_DAILY_CRON='30 1 * * *' cdht scheduler --dry-run"})
final class SchedulerCommand implements Callable<Integer> {


    static final int DRY_RUN_TIMES = 5;
    /** Runs before Spark's own shutdown hook (Hadoop priority 40), which would stop the SparkContext of a run. */
    private static final int SHUTDOWN_PRIORITY = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm EEE", Locale.ROOT);

    @ParentCommand
    Cdht root;

    @Option(names = "--once", description = "Run until the first scheduled run has ended, then exit with its outcome.")
    boolean once;

    @Option(names = "--dry-run", description = "Print the next " + DRY_RUN_TIMES + " fire times of every entry and exit (runs nothing).")
    boolean dryRun;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        try (CdhtContext ctx = root.context()) {
            Schedule schedule = Schedule.from(ctx.config());
            if (schedule.entries().isEmpty()) {
                throw new IllegalArgumentException("no schedule: every schedule.<name>.cron is empty (the defaults are"
                        + " schedule.daily.cron and schedule.monthly.cron)");
            }
            if (dryRun) {
                printDryRun(ctx, schedule);
                return 0;
            }
            PipelineRunner runner = new PipelineRun(ctx.installation(), new StagePrinter(ctx));
            Scheduler scheduler = new Scheduler(schedule, runner, ScheduleState.file(schedule.stateFile()), clock,
                    Scheduler.REAL_TIME, ctx::progress);
            onShutdown(() -> scheduler.shutdown(schedule.shutdownTimeout()), schedule.shutdownTimeout());
            scheduler.tick(); // a missed fire time within the grace runs now; the table shows what comes next
            printEntries(ctx, schedule, scheduler.nextFireTimes());
            if (once) {
                Optional<Scheduler.Finished> run = scheduler.runOnce();
                scheduler.shutdown(Duration.ZERO);
                return run.map(f -> f.outcome().succeeded() ? ExitCodes.OK
                        : f.outcome().rejected() ? ExitCodes.REJECTED : ExitCodes.FAILED).orElse(ExitCodes.FAILED);
            }
            scheduler.run();
            return 0;
        }
    }

    private void printDryRun(CdhtContext ctx, Schedule schedule) {
        var w = ctx.out();
        header(ctx, schedule);
        TextTable t = new TextTable("ENTRY", "CRON", "STAGES", "NEXT FIRE TIMES");
        ZonedDateTime now = clock.instant().atZone(schedule.zone());
        for (Schedule.Entry e : schedule.entries()) {
            ZonedDateTime at = now;
            for (int i = 0; i < DRY_RUN_TIMES; i++) {
                at = e.cron().next(at);
                t.row(i == 0 ? e.name() : "", i == 0 ? e.cron() : "", i == 0 ? e.stages() : "", TIME.format(at));
            }
        }
        t.print(w);
        w.flush();
    }

    private static void printEntries(CdhtContext ctx, Schedule schedule, Map<String, ZonedDateTime> next) {
        header(ctx, schedule);
        TextTable t = new TextTable("ENTRY", "CRON", "STAGES", "NEXT FIRE TIME");
        for (Schedule.Entry e : schedule.entries()) {
            t.row(e.name(), e.cron(), e.stages(), TIME.format(next.get(e.name())));
        }
        t.print(ctx.out());
        ctx.out().flush();
    }

    private static void header(CdhtContext ctx, Schedule schedule) {
        ctx.out().println("Schedule in " + schedule.zone() + " (misfire grace " + schedule.misfireGrace().toMinutes()
                + " min, shutdown timeout " + schedule.shutdownTimeout().toSeconds() + " s):");
        if (!schedule.disabled().isEmpty()) {
            ctx.out().println("Disabled (no cron): " + String.join(", ", schedule.disabled()));
        }
    }

    /**
     * On SIGTERM (and any other JVM exit): through Hadoop's shutdown hook manager, so that it runs before Spark's own
     * hook stops the SparkContext the running run uses; the plain JVM hook when Hadoop is not on the class path.
     */
    private static void onShutdown(Runnable hook, Duration timeout) {
        try {
            org.apache.hadoop.util.ShutdownHookManager.get().addShutdownHook(hook, SHUTDOWN_PRIORITY,
                    timeout.toSeconds() + 30, TimeUnit.SECONDS);
        } catch (NoClassDefFoundError | IllegalStateException e) {
            Runtime.getRuntime().addShutdownHook(new Thread(hook, "cdht-scheduler-shutdown"));
        }
    }
}
