package vn.cdht.orchestration.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.orchestration.pipeline.PipelineRunner;
import vn.cdht.orchestration.pipeline.PipelineStage;
import vn.cdht.orchestration.pipeline.RunOutcome;
import vn.cdht.orchestration.pipeline.RunRequest;

/**
 * The scheduling logic, with a clock the test sets and a runner that records what it was asked (the pipeline
 * boundary). Nothing sleeps for real longer than a few tens of milliseconds.
 */
class SchedulerTest {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    Path home;

    private final TestClock clock = new TestClock(vn("2026-05-10T01:59"));
    private final RecordingRunner runner = new RecordingRunner();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<Scheduler> schedulers = new ArrayList<>();

    @AfterEach
    void releaseRuns() {
        runner.release();
        schedulers.forEach(s -> s.shutdown(Duration.ofSeconds(2)));
    }

    @Test
    void anEntryFiresAtItsFireTimeWithItsStages() {
        Scheduler s = scheduler(ScheduleState.inMemory(), "daily.cron", "0 2 * * *", "daily.from", "ingest");
        assertEquals(vn("2026-05-10T02:00"), s.tick());
        assertEquals(List.of(), runner.requests());

        clock.set(vn("2026-05-10T02:00").plusMillis(3));
        assertEquals(vn("2026-05-11T02:00"), s.tick());
        awaitFinished(s, 1);
        assertEquals(List.of(RunRequest.scheduled(PipelineStage.INGEST, null)), runner.requests());
        assertEquals(vn("2026-05-11T02:00"), s.nextFireTimes().get("daily").toInstant());
        assertTrue(logged("fired daily due at 2026-05-10 02:00: ingest → maintain"), log.toString());
        assertTrue(logged("daily succeeded (run 1) after"), log.toString());
        assertTrue(logged("; next: daily at 2026-05-11 02:00"), log.toString());

        s.tick();
        assertEquals(1, runner.requests().size(), "a fire time runs once");
    }

    @Test
    void theLoopSleepsUntilTheNextFireTimeAndOnceReturnsTheFirstRun() {
        clock.set(vn("2026-05-10T01:57:30"));
        List<Duration> sleeps = new ArrayList<>();
        AtomicReference<Scheduler> self = new AtomicReference<>();
        Scheduler s = scheduler(ScheduleState.inMemory(), (Scheduler.Sleeper) d -> {
            sleeps.add(d);
            while (self.get().isRunning()) { // time stands still while the run starts
                Thread.sleep(1);
            }
            clock.advance(d);
        }, "monthly.cron", "0 6 1 * *", "daily.cron", "0 2 * * *", "daily.only", "publish");
        self.set(s);
        Optional<Scheduler.Finished> first = s.runOnce();
        assertEquals("daily", first.orElseThrow().entry());
        assertEquals(vn("2026-05-10T02:00"), first.get().due());
        assertEquals(List.of(RunRequest.scheduled(null, PipelineStage.PUBLISH)), runner.requests());
        assertEquals(List.of(vn("2026-05-10T02:00")), runner.startedAt());
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(30)), sleeps.subList(0, 3),
                "at most a minute at a time");
    }

    @Test
    void aLoopStoppedWhileSleepingEndsAtOnce() throws InterruptedException {
        Scheduler s = scheduler(ScheduleState.inMemory(), Scheduler.REAL_TIME, "daily.cron", "0 2 * * *");
        Thread loop = new Thread(s::run);
        loop.start();
        Thread.sleep(30);
        long started = System.nanoTime();
        s.stop();
        loop.join(2000);
        assertFalse(loop.isAlive());
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void aFiringWhileARunIsStillGoingIsSkipped() {
        runner.block();
        Scheduler s = scheduler(ScheduleState.inMemory(), "daily.cron", "0 2 * * *", "late.cron", "30 2 * * *",
                "late.only", "publish");
        clock.set(vn("2026-05-10T02:00"));
        s.tick();
        runner.awaitStarted(1);
        assertTrue(s.isRunning());

        clock.set(vn("2026-05-10T02:30"));
        s.tick();
        assertTrue(logged("skipped late due at 2026-05-10 02:30: the run of daily is still running since 2026-05-10 02:00;"
                + " next at 2026-05-11 02:30"), log.toString());
        assertEquals(vn("2026-05-11T02:30"), s.nextFireTimes().get("late").toInstant());

        runner.release();
        awaitFinished(s, 1);
        assertEquals(1, runner.requests().size());
        clock.set(vn("2026-05-10T03:00"));
        s.tick();
        assertEquals(1, runner.requests().size(), "the skipped firing is not queued");

        clock.set(vn("2026-05-11T02:00"));
        s.tick();
        awaitFinished(s, 2);
        clock.set(vn("2026-05-11T02:30"));
        s.tick();
        awaitFinished(s, 3);
        assertEquals(List.of(RunRequest.scheduled(null, null), RunRequest.scheduled(null, null),
                RunRequest.scheduled(null, PipelineStage.PUBLISH)), runner.requests());
    }

    @Test
    void entriesDueTogetherRunOneAndSkipTheOthers() {
        runner.block();
        Scheduler s = scheduler(ScheduleState.inMemory(), "b.cron", "0 2 * * *", "a.cron", "0 2 * * *");
        clock.set(vn("2026-05-10T02:00"));
        s.tick();
        runner.awaitStarted(1);
        assertTrue(logged("fired a due at 2026-05-10 02:00"), log.toString());
        assertTrue(logged("skipped b due at 2026-05-10 02:00: the run of a is still running since"), log.toString());
    }

    @Test
    void aFireTimeMissedWhileDownRunsOnceOnStartWithinTheGrace() {
        ScheduleState state = ScheduleState.inMemory();
        state.record("daily", vn("2026-05-09T02:00"));
        clock.set(vn("2026-05-10T02:40"));
        Scheduler s = scheduler(state, "daily.cron", "0 2 * * *");
        assertEquals(vn("2026-05-11T02:00"), s.tick());
        awaitFinished(s, 1);
        assertEquals(1, runner.requests().size());
        assertEquals(vn("2026-05-10T02:00"), s.finished().get(0).due());
        assertTrue(logged("fired daily due at 2026-05-10 02:00, 40 min late (within the misfire grace)"), log.toString());
        assertEquals(vn("2026-05-10T02:00"), state.handledUntil("daily").orElseThrow());

        // a restart right after does not run it again
        Scheduler again = scheduler(state, "daily.cron", "0 2 * * *");
        again.tick();
        assertEquals(1, runner.requests().size());
    }

    @Test
    void severalMissedFireTimesMakeOneRun() {
        ScheduleState state = ScheduleState.inMemory();
        state.record("often", vn("2026-05-10T01:00"));
        clock.set(vn("2026-05-10T01:45"));
        Scheduler s = scheduler(state, "often.cron", "*/10 * * * *");
        assertEquals(vn("2026-05-10T01:50"), s.tick());
        awaitFinished(s, 1);
        assertEquals(1, runner.requests().size());
        assertEquals(vn("2026-05-10T01:40"), s.finished().get(0).due(), "the latest missed fire time");
    }

    @Test
    void aFireTimeMissedBeyondTheGraceIsSkippedAndLogged() {
        ScheduleState state = ScheduleState.inMemory();
        state.record("daily", vn("2026-05-09T02:00"));
        clock.set(vn("2026-05-10T03:30"));
        Scheduler s = scheduler(state, "daily.cron", "0 2 * * *");
        assertEquals(vn("2026-05-11T02:00"), s.tick());
        assertFalse(s.isRunning());
        assertEquals(List.of(), runner.requests());
        assertTrue(logged("missed daily due at 2026-05-10 02:00: more than 60 min ago (schedule.misfire-grace-minutes),"
                + " skipped; next at 2026-05-11 02:00"), log.toString());

        clock.set(vn("2026-05-11T02:00"));
        s.tick();
        awaitFinished(s, 1);
        assertEquals(1, runner.requests().size());
    }

    @Test
    void theGraceIsConfigurable() {
        ScheduleState state = ScheduleState.inMemory();
        state.record("daily", vn("2026-05-09T02:00"));
        clock.set(vn("2026-05-10T02:40"));
        Scheduler s = scheduler(state, "daily.cron", "0 2 * * *", "misfire-grace-minutes", "30");
        s.tick();
        assertEquals(List.of(), runner.requests());
        assertTrue(logged("missed daily due at 2026-05-10 02:00: more than 30 min ago"), log.toString());
    }

    @Test
    void aLoopHeldUpPastAFireTimeRunsItLateWithinTheGrace() {
        Scheduler s = scheduler(ScheduleState.inMemory(), "daily.cron", "0 2 * * *");
        s.tick();
        clock.set(vn("2026-05-10T02:20")); // the machine was asleep
        s.tick();
        awaitFinished(s, 1);
        assertEquals(1, runner.requests().size());
        assertTrue(logged("fired daily due at 2026-05-10 02:00, 20 min late"), log.toString());
    }

    @Test
    void aNewEntryHasMissedNothing() {
        ScheduleState state = ScheduleState.inMemory();
        clock.set(vn("2026-05-10T02:30"));
        Scheduler s = scheduler(state, "daily.cron", "0 2 * * *");
        assertEquals(vn("2026-05-11T02:00"), s.tick());
        assertEquals(List.of(), runner.requests());
        assertEquals(vn("2026-05-10T02:30"), state.handledUntil("daily").orElseThrow());
    }

    @Test
    void theStateFileCarriesMisfiresAcrossRestarts() {
        Path file = home.resolve("scheduler-state.properties");
        clock.set(vn("2026-05-10T01:00"));
        scheduler(ScheduleState.file(file), "daily.cron", "0 2 * * *").tick(); // first start; then the process stops
        clock.set(vn("2026-05-10T02:15"));
        Scheduler restarted = scheduler(ScheduleState.file(file), "daily.cron", "0 2 * * *");
        restarted.tick();
        awaitFinished(restarted, 1);
        assertEquals(1, runner.requests().size());
        assertEquals(vn("2026-05-10T02:00"), ScheduleState.file(file).handledUntil("daily").orElseThrow());
    }

    @Test
    void aFailingRunIsLoggedAndSchedulingGoesOn() {
        runner.fail("the control database is unreachable");
        Scheduler s = scheduler(ScheduleState.inMemory(), "daily.cron", "0 2 * * *");
        clock.set(vn("2026-05-10T02:00"));
        s.tick();
        awaitFinished(s, 1);
        assertEquals("failed", s.finished().get(0).outcome().status());
        assertTrue(logged("daily failed after"), log.toString());
        assertTrue(logged(": the control database is unreachable; next: daily at 2026-05-11 02:00"), log.toString());
        runner.fail(null);
        clock.set(vn("2026-05-11T02:00"));
        s.tick();
        awaitFinished(s, 2);
        assertTrue(s.finished().get(1).outcome().succeeded());
    }

    @Test
    void shutdownWaitsForTheRunningRun() throws InterruptedException {
        runner.block();
        Scheduler s = scheduler(ScheduleState.inMemory(), "daily.cron", "0 2 * * *");
        clock.set(vn("2026-05-10T02:00"));
        s.tick();
        runner.awaitStarted(1);
        Thread releaser = new Thread(() -> {
            sleep(50);
            runner.release();
        });
        releaser.start();
        long started = System.nanoTime();
        assertTrue(s.shutdown(Duration.ofSeconds(5)));
        long waited = System.nanoTime() - started;
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(40) && waited < TimeUnit.SECONDS.toNanos(4), waited + " ns");
        assertEquals(1, s.finished().size(), "the run ended before shutdown returned");
        assertTrue(logged("stopping: waiting up to 10 min (schedule.shutdown-timeout-seconds) for the run of daily")
                || logged("stopping: waiting up to 5 s"), log.toString());
        assertTrue(logged("scheduler stopped"), log.toString());
        releaser.join();

        clock.set(vn("2026-05-11T02:00"));
        s.tick();
        assertEquals(1, runner.requests().size(), "nothing fires after shutdown");
    }

    @Test
    void shutdownGivesUpAfterItsTimeout() {
        runner.block();
        Scheduler s = scheduler(ScheduleState.inMemory(), "daily.cron", "0 2 * * *");
        clock.set(vn("2026-05-10T02:00"));
        s.tick();
        runner.awaitStarted(1);
        long started = System.nanoTime();
        assertFalse(s.shutdown(Duration.ofMillis(50)));
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(1));
        assertTrue(logged("stopping with the run of daily unfinished after 50 ms"), log.toString());
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private Scheduler scheduler(ScheduleState state, String... keys) {
        return scheduler(state, d -> {
            throw new AssertionError("tick() only: no sleeping");
        }, keys);
    }

    private Scheduler scheduler(ScheduleState state, Scheduler.Sleeper sleeper, String... keys) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i += 2) {
            map.put(keys[i], keys[i + 1]);
        }
        Schedule schedule = Schedule.parse(map, home);
        Scheduler s = new Scheduler(schedule, runner.withClock(clock), state, clock, sleeper, log::add);
        schedulers.add(s);
        s.start(); // the process starts now
        return s;
    }

    private boolean logged(String fragment) {
        synchronized (log) {
            return log.stream().anyMatch(l -> l.contains(fragment));
        }
    }

    private static void awaitFinished(Scheduler s, int runs) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (s.finished().size() < runs || s.isRunning()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + runs + " finished runs, got " + s.finished());
            }
            sleep(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Instant vn(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(VN).toInstant();
    }

    /** A clock the test sets. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void set(Instant t) {
            now = t;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Records every request; can block (a slow run) or fail. */
    static final class RecordingRunner implements PipelineRunner {
        private final List<RunRequest> requests = Collections.synchronizedList(new ArrayList<>());
        private final List<Instant> startedAt = Collections.synchronizedList(new ArrayList<>());
        private volatile CountDownLatch gate = new CountDownLatch(0);
        private final AtomicReference<String> failure = new AtomicReference<>();
        private Clock clock;

        RecordingRunner withClock(Clock c) {
            clock = c;
            return this;
        }

        void block() {
            gate = new CountDownLatch(1);
        }

        void release() {
            gate.countDown();
        }

        void fail(String message) {
            failure.set(message);
        }

        List<RunRequest> requests() {
            return List.copyOf(requests);
        }

        List<Instant> startedAt() {
            return List.copyOf(startedAt);
        }

        void awaitStarted(int n) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (requests.size() < n) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("expected " + n + " runs to start, got " + requests);
                }
                sleep(1);
            }
        }

        @Override
        public RunOutcome run(RunRequest request) {
            requests.add(request);
            startedAt.add(clock.instant());
            try {
                if (!gate.await(5, TimeUnit.SECONDS)) {
                    return new RunOutcome(null, "failed", "test gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String f = failure.get();
            if (f != null) {
                throw new IllegalStateException(f);
            }
            return new RunOutcome((long) requests.size(), "succeeded", null);
        }
    }
}
