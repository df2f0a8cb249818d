package vn.cdht.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cdht scheduler on the command line; the scheduling itself is SchedulerTest's. */
class SchedulerCommandTest {

    @TempDir
    Path home;

    @Test
    void dryRunPrintsTheNextFiveFireTimesOfEveryEntryWithoutARunner() {
        CliRun run = CliRun.of(Map.of(), "scheduler", "--dry-run", "--home", home.toString());
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.startsWith("Schedule in Asia/Ho_Chi_Minh (misfire grace 60 min, shutdown timeout 600 s):"), out);
        assertTrue(out.matches("(?s).*\\ndaily\\s+0 2 \\* \\* \\*\\s+ingest → publish\\s+\\d{4}-\\d\\d-\\d\\d 02:00 \\w{3}\\n.*"), out);
        assertTrue(out.matches("(?s).*\\nmonthly\\s+0 6 1 \\* \\*\\s+bulletins → deliver\\s+\\d{4}-\\d\\d-01 06:00 \\w{3}\\n.*"), out);
        assertTrue(out.matches("(?s).*\\nmaintain\\s+0 3 \\* \\* 0\\s+only maintain\\s+\\d{4}-\\d\\d-\\d\\d 03:00 \\w{3}\\n.*"), out);
        assertEquals(5, out.lines().filter(l -> l.matches(".*\\d{4}-\\d\\d-\\d\\d 02:00 \\w{3}")).count(), out);
        assertEquals(5, out.lines().filter(l -> l.matches(".*\\d{4}-\\d\\d-01 06:00 \\w{3}")).count(), out);
        assertTrue(Files.notExists(home.resolve("scheduler-state.properties")), "a dry run records nothing");
    }

    @Test
    void dryRunShowsTheConfiguredSchedule() {
        CliRun run = CliRun.of(Map.of("CDHT_SCHEDULE_DAILY_CRON", "*/30 8-9 * * MON"),
                "scheduler", "--dry-run", "--home", home.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(5, run.out().lines().filter(l -> l.matches(".*\\d{4}-\\d\\d-\\d\\d 0[89]:[03]0 Mon")).count(), run.out());
    }

    @Test
    void aBadEntryIsOneLineNamingTheKey() {
        CliRun run = CliRun.of(Map.of("CDHT_SCHEDULE_DAILY_CRON", "0 25 * * *"), "scheduler", "--dry-run",
                "--home", home.toString());
        assertEquals(1, run.exitCode());
        assertEquals("cdht scheduler: error: configuration key schedule.daily.cron: hour: a value 25 is outside 0-23 in '25'",
                run.err().strip());
    }

    /** The real runner behind the scheduler: an entry due every minute, running publish only; waits up to a minute. */
    @Test
    void onceRunsTheNextFiringThroughCdhtRunAndExitsWithItsOutcome() {
        CliRun run = CliRun.of(Map.of("CDHT_SCHEDULE_DAILY_CRON", "* * * * *", "CDHT_SCHEDULE_DAILY_FROM", "publish",
                "CDHT_SCHEDULE_DAILY_UNTIL", "publish"),
                "scheduler", "--once", "--home", home.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("stage 1/1: publish"), run.err());
    }
}
