package vn.cdht.orchestration.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.orchestration.pipeline.PipelineStage;
import vn.cdht.orchestration.pipeline.RunRequest;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.config.ConfigException;

class ScheduleTest {

    @TempDir
    Path home;

    @Test
    void theDefaultScheduleIsTheDailyPipelineTheMonthlyBulletinsAndTheWeeklyUpkeep() {
        Schedule s = Schedule.from(CdhtConfig.of(home, Map.of()));
        assertEquals(ZoneId.of("Asia/Ho_Chi_Minh"), s.zone());
        assertEquals(Duration.ofMinutes(60), s.misfireGrace());
        assertEquals(Duration.ofSeconds(600), s.shutdownTimeout());
        assertEquals(home.toAbsolutePath().resolve("scheduler-state.properties"), s.stateFile());
        assertEquals(List.of("daily", "maintain", "monthly"), s.entries().stream().map(Schedule.Entry::name).toList());

        Schedule.Entry daily = s.entries().get(0);
        assertEquals("0 2 * * *", daily.cron().toString());
        assertEquals(new RunRequest("scheduler", null, PipelineStage.INGEST, null, PipelineStage.PUBLISH), daily.request());
        assertEquals("ingest → publish", daily.stages());

        Schedule.Entry maintain = s.entries().get(1);
        assertEquals("0 3 * * 0", maintain.cron().toString());
        assertEquals(new RunRequest("scheduler", null, null, PipelineStage.MAINTAIN), maintain.request());
        assertEquals("only maintain", maintain.stages());

        Schedule.Entry monthly = s.entries().get(2);
        assertEquals("0 6 1 * *", monthly.cron().toString());
        assertEquals(new RunRequest("scheduler", null, PipelineStage.BULLETINS, null, PipelineStage.DELIVER), monthly.request());
        assertEquals("bulletins → deliver", monthly.stages());
        // the period is left to the runner (the last complete month): the run of 1 January renders December,
        // the annual edition
        assertNull(monthly.request().period());
        ZonedDateTime december = ZonedDateTime.of(2026, 12, 15, 12, 0, 0, 0, s.zone());
        assertEquals(ZonedDateTime.of(2027, 1, 1, 6, 0, 0, 0, s.zone()), monthly.cron().next(december));
    }

    @Test
    void theEnvironmentOverridesTheDefaultEntries() {
        Schedule s = Schedule.from(CdhtConfig.of(home, Map.of("schedule.daily.cron", "30 1 * * 1-5",
                "schedule.zone", "UTC", "schedule.misfire-grace-minutes", "15")));
        assertEquals("30 1 * * 1-5", s.entries().get(0).cron().toString());
        assertEquals(ZoneId.of("UTC"), s.zone());
        assertEquals(Duration.ofMinutes(15), s.misfireGrace());
    }

    @Test
    void theConfigurationFileAddsEntriesAndAnEmptyCronDisablesOne() throws IOException {
        Path file = home.resolve("cdht.properties");
        Files.writeString(file, String.join("\n",
                "schedule.daily.cron=",
                "schedule.hourly-publish.cron=15 * * * *",
                "schedule.hourly-publish.only=publish",
                "schedule.nightly.cron=0 23 * * *",
                "schedule.state-file=" + home.resolve("state/s.properties"),
                ""));
        Schedule s = Schedule.from(CdhtConfig.load(home, file, Map.of()));
        assertEquals(List.of("hourly-publish", "maintain", "monthly", "nightly"), s.entries().stream().map(Schedule.Entry::name).toList());
        assertEquals(List.of("daily"), s.disabled());
        Schedule.Entry publish = s.entries().get(0);
        assertEquals(RunRequest.scheduled(null, PipelineStage.PUBLISH), publish.request());
        assertEquals("only publish", publish.stages());
        Schedule.Entry nightly = s.entries().get(3);
        assertEquals(RunRequest.scheduled(null, null), nightly.request());
        assertTrue(nightly.stages().startsWith("whole pipeline"), nightly.stages());
        assertEquals(home.resolve("state/s.properties"), s.stateFile());
    }

    @Test
    void errorsNameTheKeyAndSayWhatIsExpected() {
        assertEquals("configuration key schedule.daily.cron: expected 5 fields (minute hour day-of-month month day-of-week)"
                        + " such as '0 2 * * *', not '0 2 * *'",
                error(Map.of("daily.cron", "0 2 * *")));
        assertEquals("configuration key schedule.daily.cron: hour: a value 25 is outside 0-23 in '25'",
                error(Map.of("daily.cron", "0 25 * * *")));
        assertEquals("configuration key schedule.daily.from: unknown stage 'ingets': use ingest, indicators, publish,"
                + " bulletins, deliver, maintain", error(Map.of("daily.cron", "0 2 * * *", "daily.from", "ingets")));
        assertEquals("configuration key schedule.daily.only: unknown stage 'all': use ingest, indicators, publish,"
                + " bulletins, deliver, maintain", error(Map.of("daily.cron", "0 2 * * *", "daily.only", "all")));
        assertTrue(error(Map.of("daily.cron", "0 2 * * *", "daily.from", "ingest", "daily.only", "publish"))
                .startsWith("configuration keys schedule.daily.from and schedule.daily.only: set one of them, not both"));
        assertEquals("configuration key schedule.zone must be a time zone such as Asia/Ho_Chi_Minh or UTC, not 'Hanoi'",
                error(Map.of("zone", "Hanoi")));
        assertEquals("configuration key schedule.misfire-grace-minutes must be a whole number of minutes (0 or more),"
                + " not 'an hour'", error(Map.of("misfire-grace-minutes", "an hour")));
        assertEquals("configuration key schedule.shutdown-timeout-seconds must be a whole number of seconds (0 or more),"
                + " not '-1'", error(Map.of("shutdown-timeout-seconds", "-1")));
        String typo = error(Map.of("daily.corn", "0 2 * * *"));
        assertTrue(typo.startsWith("unknown configuration key schedule.daily.corn: expected schedule.<name>.cron, .from"
                + " or .only, or one of schedule.misfire-grace-minutes"), typo);
        assertTrue(error(Map.of("timezone", "UTC")).startsWith("unknown configuration key schedule.timezone"));
        assertTrue(error(Map.of("a.b.cron", "0 2 * * *")).startsWith("unknown configuration key schedule.a.b.cron"));
    }

    @Test
    void theConfigurationNamesTheKeyThroughCdhtConfigToo() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Schedule.from(CdhtConfig.of(home, Map.of("schedule.monthly.cron", "0 6 32 * *"))));
        assertEquals("configuration key schedule.monthly.cron: day-of-month: a value 32 is outside 1-31 in '32'", e.getMessage());
    }

    @Test
    void theStateSurvivesARestart() {
        Path file = home.resolve("sub/state.properties");
        ScheduleState a = ScheduleState.file(file);
        assertTrue(a.handledUntil("daily").isEmpty());
        a.record("daily", Instant.parse("2026-05-09T19:00:00Z"));
        a.record("monthly", Instant.parse("2026-04-30T23:00:00Z"));
        ScheduleState b = ScheduleState.file(file);
        assertEquals(Instant.parse("2026-05-09T19:00:00Z"), b.handledUntil("daily").orElseThrow());
        assertEquals(Instant.parse("2026-04-30T23:00:00Z"), b.handledUntil("monthly").orElseThrow());
    }

    private String error(Map<String, String> keys) {
        return assertThrows(ConfigException.class, () -> Schedule.parse(new LinkedHashMap<>(keys), home)).getMessage();
    }
}
