package vn.cdht.orchestration.schedule;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import vn.cdht.orchestration.pipeline.PipelineRunner;
import vn.cdht.orchestration.pipeline.RunOutcome;

/**
 * Runs the {@link Schedule}'s entries in this process: one loop thread computes the next fire time of every entry
 * and sleeps until the earliest; a run executes on a worker thread, so the loop keeps time while it runs.
 *
 * <ul>
 *   <li><b>No overlapping runs.</b> When an entry fires while a run is still going, that firing is skipped (not
 *       queued), logged as "still running since …"; the entry fires again at its next fire time. (The runner's
 *       control-database lock refuses concurrent runs anyway, also against a {@code cdht run} started by hand.)
 *       Entries due at the same moment: the first by name runs, the others are skipped the same way.</li>
 *   <li><b>Misfires.</b> A fire time the scheduler could not honour on time (the process was down, the machine
 *       asleep, the loop held up) is run once, late, when the scheduler starts or wakes up, if it is at most
 *       {@code schedule.misfire-grace-minutes} old; several missed fire times of one entry make one run. Older missed
 *       fire times are skipped and logged, and the entry waits for its next fire time. Which fire times were handled
 *       survives restarts in the {@link ScheduleState}; an entry seen for the first time has missed nothing.</li>
 *   <li><b>Shutdown.</b> {@link #shutdown} stops scheduling and waits up to a timeout for the running run.</li>
 * </ul>
 *
 * <p>Time comes from an injectable {@link Clock} and waiting from a {@link Sleeper}, so that tests control both.
 */
public final class Scheduler {

    /** Waits; may return early (the loop then looks at the clock again). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public static final Sleeper REAL_TIME = d -> Thread.sleep(Math.max(1, d.toMillis()));
    /** The loop looks at the clock at least this often (a suspended machine, a clock set forward). */
    static final Duration MAX_SLEEP = Duration.ofMinutes(1);
    /** A firing handled later than this after its fire time is reported as late. */
    private static final Duration LATE = Duration.ofMinutes(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A run that ended: the entry, the fire time it was for, how it ended. */
    public record Finished(String entry, Instant due, RunOutcome outcome) {
    }

    private record Running(String entry, Instant due, Instant since) {
    }

    private final Schedule schedule;
    private final PipelineRunner runner;
    private final ScheduleState state;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Consumer<String> log;
    private final ZoneId zone;
    private final ExecutorService worker;

    private final Object lock = new Object();
    private final Map<String, Instant> next = new LinkedHashMap<>();
    private final List<Finished> finished = new ArrayList<>();
    private boolean started;
    private Running running;
    private boolean stopped;
    private Thread loopThread;
    private boolean sleeping;

    public Scheduler(Schedule schedule, PipelineRunner runner, ScheduleState state, Clock clock, Sleeper sleeper,
            Consumer<String> log) {
        this.schedule = schedule;
        this.runner = runner;
        this.state = state;
        this.clock = clock;
        this.sleeper = sleeper;
        this.log = log;
        this.zone = schedule.zone();
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cdht-scheduled-run");
            t.setDaemon(true);
            return t;
        });
    }

    /** Computes every entry's next fire time from the recorded state (idempotent; the loop calls it). */
    public void start() {
        synchronized (lock) {
            if (started) {
                return;
            }
            started = true;
            Instant now = clock.instant();
            for (Schedule.Entry e : schedule.entries()) {
                Optional<Instant> handled = state.handledUntil(e.name());
                if (handled.isPresent()) {
                    // fire times after the last handled one and already past are misfires: the next tick handles them
                    next.put(e.name(), fireAfter(e, handled.get()));
                } else {
                    next.put(e.name(), fireAfter(e, now));
                    record(e.name(), now);
                }
            }
            log("scheduler started: " + schedule.entries().size() + " entr" + (schedule.entries().size() == 1 ? "y" : "ies")
                    + " in " + zone + "; misfire grace " + schedule.misfireGrace().toMinutes() + " min");
        }
    }

    /** Handles every firing due at the clock's time; returns the next fire time of any entry. */
    public Instant tick() {
        start();
        synchronized (lock) {
            Instant now = clock.instant();
            List<Schedule.Entry> due = schedule.entries().stream()
                    .filter(e -> !next.get(e.name()).isAfter(now))
                    .sorted(Comparator.comparing((Schedule.Entry e) -> next.get(e.name())).thenComparing(Schedule.Entry::name))
                    .toList();
            for (Schedule.Entry e : due) {
                handle(e, now);
            }
            return earliest().map(Map.Entry::getValue).orElse(now.plus(MAX_SLEEP));
        }
    }

    private void handle(Schedule.Entry e, Instant now) {
        Instant first = next.get(e.name());
        Instant graceStart = now.minus(schedule.misfireGrace());
        // only fire times within the grace can still run: look from the grace's start when the first is older
        ZonedDateTime c = first.isBefore(graceStart) ? e.cron().next(graceStart.minusNanos(1).atZone(zone)) : first.atZone(zone);
        Instant latest = null;
        while (!c.toInstant().isAfter(now)) {
            latest = c.toInstant();
            c = e.cron().next(c);
        }
        next.put(e.name(), c.toInstant());
        if (latest == null) {
            log("missed " + e.name() + " due at " + time(first) + ": more than " + schedule.misfireGrace().toMinutes()
                    + " min ago (schedule.misfire-grace-minutes), skipped; next at " + time(c.toInstant()));
            record(e.name(), now);
            return;
        }
        record(e.name(), latest);
        Duration lateBy = Duration.between(latest, now);
        String late = lateBy.compareTo(LATE) >= 0
                ? ", " + human(lateBy) + " late (within the misfire grace)"
                : "";
        if (running != null) {
            log("skipped " + e.name() + " due at " + time(latest) + late + ": the run of " + running.entry()
                    + " is still running since " + time(running.since()) + "; next at " + time(c.toInstant()));
            return;
        }
        Running r = new Running(e.name(), latest, now);
        try {
            worker.execute(() -> execute(e, r));
        } catch (RejectedExecutionException stopping) {
            return;
        }
        running = r;
        log("fired " + e.name() + " due at " + time(latest) + late + ": " + e.stages());
    }

    private void execute(Schedule.Entry e, Running r) {
        RunOutcome outcome = null;
        try {
            outcome = runner.run(e.request());
        } catch (RuntimeException ex) {
            outcome = new RunOutcome(null, "failed", message(ex));
        } finally {
            if (outcome == null) {
                outcome = new RunOutcome(null, "failed", "the run ended without an outcome");
            }
            synchronized (lock) {
                running = null;
                finished.add(new Finished(e.name(), r.due(), outcome));
                Duration took = Duration.between(r.since(), clock.instant());
                String msg = outcome.message() == null || outcome.message().isBlank() ? "" : ": " + outcome.message();
                log(e.name() + " " + outcome.status() + (outcome.runId() == null ? "" : " (run " + outcome.runId() + ")")
                        + " after " + human(took) + msg + upcoming());
                lock.notifyAll();
                wake();
            }
        }
    }

    /** Runs the schedule until {@link #stop} or {@link #shutdown}. */
    public void run() {
        loop(false);
    }

    /**
     * Runs the schedule until the first run (a misfire within the grace at start, or the next fire time) has ended.
     *
     * @return that run, or empty when stopped before
     */
    public Optional<Finished> runOnce() {
        return Optional.ofNullable(loop(true));
    }

    private Finished loop(boolean once) {
        start();
        synchronized (lock) {
            loopThread = Thread.currentThread();
        }
        try {
            while (true) {
                Instant wake = tick();
                synchronized (lock) {
                    if (once && !finished.isEmpty() && running == null) {
                        return finished.get(0);
                    }
                    if (stopped) {
                        return null;
                    }
                    sleeping = true;
                }
                try {
                    Duration d = Duration.between(clock.instant(), wake);
                    if (d.compareTo(Duration.ZERO) > 0) {
                        sleeper.sleep(d.compareTo(MAX_SLEEP) > 0 ? MAX_SLEEP : d);
                    }
                } catch (InterruptedException woken) {
                    // stop() or a finished run: look again
                } finally {
                    synchronized (lock) {
                        sleeping = false;
                    }
                    Thread.interrupted();
                }
            }
        } finally {
            synchronized (lock) {
                loopThread = null;
            }
        }
    }

    /** Stops scheduling: no further firing; a running run goes on. */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            wake();
        }
        worker.shutdown();
    }

    /**
     * Stops scheduling and waits up to {@code timeout} (real time) for the running run, if any.
     *
     * @return whether no run is going any more
     */
    public boolean shutdown(Duration timeout) {
        stop();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            if (running != null) {
                log("stopping: waiting up to " + human(timeout) + " (schedule.shutdown-timeout-seconds) for the run of "
                        + running.entry() + ", running since " + time(running.since()));
            }
            while (running != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log("stopping with the run of " + running.entry() + " unfinished after " + human(timeout));
                    return false;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            log("scheduler stopped");
            return true;
        }
    }

    /** The next fire time of every entry, in the schedule's zone. */
    public Map<String, ZonedDateTime> nextFireTimes() {
        start();
        synchronized (lock) {
            Map<String, ZonedDateTime> out = new LinkedHashMap<>();
            next.forEach((k, v) -> out.put(k, v.atZone(zone)));
            return out;
        }
    }

    public boolean isRunning() {
        synchronized (lock) {
            return running != null;
        }
    }

    /** The runs that ended, oldest first. */
    public List<Finished> finished() {
        synchronized (lock) {
            return List.copyOf(finished);
        }
    }

    private Optional<Map.Entry<String, Instant>> earliest() {
        return next.entrySet().stream().min(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
    }

    private String upcoming() {
        return stopped ? "" : earliest().map(e -> "; next: " + e.getKey() + " at " + time(e.getValue())).orElse("");
    }

    private Instant fireAfter(Schedule.Entry e, Instant after) {
        return e.cron().next(after.atZone(zone)).toInstant();
    }

    private void wake() {
        if (sleeping && loopThread != null && loopThread != Thread.currentThread()) {
            loopThread.interrupt();
        }
    }

    private void record(String entry, Instant time) {
        try {
            state.record(entry, time);
        } catch (UncheckedIOException e) {
            log("warning: " + e.getMessage() + " (a restart may run or skip a missed fire time again)");
        }
    }

    private void log(String message) {
        log.accept(STAMP.format(clock.instant().atZone(zone)) + " " + message);
    }

    private String time(Instant t) {
        return TIME.format(t.atZone(zone));
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 1) {
            return d.toMillis() + " ms";
        }
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        return (s / 3600) + " h" + (s % 3600 / 60 == 0 ? "" : " " + (s % 3600 / 60) + " min");
    }

    private static String message(Throwable ex) {
        Throwable t = ex;
        while (t != null && (t.getMessage() == null || t.getMessage().isBlank()) && t.getCause() != null) {
            t = t.getCause();
        }
        String msg = t == null || t.getMessage() == null ? ex.getClass().getSimpleName() : t.getMessage();
        return msg.strip().lines().findFirst().orElse(msg);
    }
}
