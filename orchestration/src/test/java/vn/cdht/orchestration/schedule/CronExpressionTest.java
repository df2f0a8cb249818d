package vn.cdht.orchestration.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronExpressionTest {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static ZonedDateTime vn(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), VN);
    }

    private static List<String> times(String cron, ZonedDateTime after, int n) {
        CronExpression c = CronExpression.parse(cron);
        List<String> out = new ArrayList<>();
        ZonedDateTime t = after;
        for (int i = 0; i < n; i++) {
            t = c.next(t);
            out.add(t.toLocalDateTime().toString());
        }
        return out;
    }

    @Test
    void everyMinuteIsTheNextWholeMinuteStrictlyAfter() {
        assertEquals(List.of("2026-05-10T10:16", "2026-05-10T10:17"), times("* * * * *", vn("2026-05-10T10:15:30"), 2));
        assertEquals(List.of("2026-05-10T10:16"), times("* * * * *", vn("2026-05-10T10:15"), 1));
        assertEquals(List.of("2027-01-01T00:00"), times("* * * * *", vn("2026-12-31T23:59:59.999"), 1));
    }

    @Test
    void aFireTimeIsNeverItsOwnNext() {
        assertEquals(List.of("2026-05-11T02:00", "2026-05-12T02:00"), times("0 2 * * *", vn("2026-05-10T02:00"), 2));
        assertEquals(List.of("2026-05-10T02:00"), times("0 2 * * *", vn("2026-05-10T01:59:59.999"), 1));
    }

    @Test
    void steps() {
        assertEquals(List.of("2026-05-10T10:30", "2026-05-10T10:45", "2026-05-10T11:00"),
                times("*/15 * * * *", vn("2026-05-10T10:16"), 3));
        assertEquals(List.of("2026-05-10T12:00", "2026-05-10T18:00", "2026-05-11T00:00"),
                times("0 */6 * * *", vn("2026-05-10T07:00"), 3));
        assertEquals(List.of("2026-05-10T10:05", "2026-05-10T10:10", "2026-05-10T10:15", "2026-05-10T10:20", "2026-05-10T11:05"),
                times("5-20/5 * * * *", vn("2026-05-10T10:00"), 5));
        assertEquals(List.of("2026-05-10T10:10", "2026-05-10T10:30", "2026-05-10T10:50", "2026-05-10T11:10"),
                times("10/20 * * * *", vn("2026-05-10T10:00"), 4));
    }

    @Test
    void listsAndRanges() {
        assertEquals(List.of("2026-05-10T12:00", "2026-05-10T18:00", "2026-05-11T08:00"),
                times("0 8,12,18 * * *", vn("2026-05-10T09:00"), 3));
        // 2026-05-15 is a Friday: working hours resume on Monday
        assertEquals(List.of("2026-05-18T09:00", "2026-05-18T10:00"), times("0 9-17 * * 1-5", vn("2026-05-15T17:30"), 2));
        assertEquals(List.of("2026-05-10T10:01", "2026-05-10T10:02", "2026-05-10T10:30", "2026-05-10T10:40", "2026-05-10T10:50"),
                times("1-2,30-50/10 * * * *", vn("2026-05-10T10:00"), 5));
    }

    @Test
    void sundayIsZeroOrSevenAndNamesWork() {
        // 2026-05-10 is a Sunday
        List<String> sundays = List.of("2026-05-17T00:00", "2026-05-24T00:00");
        assertEquals(sundays, times("0 0 * * 0", vn("2026-05-10T00:00"), 2));
        assertEquals(sundays, times("0 0 * * 7", vn("2026-05-10T00:00"), 2));
        assertEquals(sundays, times("0 0 * * sun", vn("2026-05-10T00:00"), 2));
        assertEquals(List.of("2026-05-15T00:00", "2026-05-16T00:00", "2026-05-17T00:00", "2026-05-22T00:00"),
                times("0 0 * * 5-7", vn("2026-05-14T00:00"), 4));
        assertEquals(List.of("2026-05-11T00:00", "2026-05-15T00:00"), times("0 0 * * MON-FRI/4", vn("2026-05-10T00:00"), 2));
        assertEquals(List.of("2027-01-01T00:00", "2027-07-01T00:00"), times("0 0 1 JAN,jul *", vn("2026-08-01T00:00"), 2));
    }

    @Test
    void dayOfMonthAndDayOfWeekBothRestrictedMatchEither() {
        // the 1st of the month, and every Monday (2026-06-01 is itself a Monday)
        assertEquals(List.of("2026-05-18T00:00", "2026-05-25T00:00", "2026-06-01T00:00", "2026-06-08T00:00"),
                times("0 0 1 * 1", vn("2026-05-12T00:00"), 4));
    }

    @Test
    void monthEnds() {
        assertEquals(List.of("2026-01-31T00:00", "2026-03-31T00:00", "2026-05-31T00:00"),
                times("0 0 31 * *", vn("2026-01-30T00:00"), 3));
        assertEquals(List.of("2026-03-30T00:00", "2026-04-30T00:00"), times("0 0 30 * *", vn("2026-01-31T00:00"), 2));
        assertEquals(List.of("2028-02-29T00:00", "2032-02-29T00:00"), times("0 0 29 2 *", vn("2025-03-01T00:00"), 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 30 2 *"));
        assertTrue(e.getMessage().startsWith("never fires"), e.getMessage());
        assertEquals(List.of("2026-04-30T00:00"), times("0 0 30,31 4 *", vn("2026-01-01T00:00"), 1));
    }

    @Test
    void theFirstOfTheMonthAtSixInVietnam() {
        ZonedDateTime next = CronExpression.parse("0 6 1 * *").next(vn("2026-05-15T10:00"));
        assertEquals(vn("2026-06-01T06:00"), next);
        assertEquals(VN, next.getZone());
        assertEquals("2026-05-31T23:00:00Z", next.toInstant().toString());
        assertEquals(List.of("2027-01-01T06:00", "2027-02-01T06:00"), times("0 6 1 * *", vn("2026-12-01T06:00"), 2));
        // the same instant seen from UTC gives the same fire time
        assertEquals(next.toInstant(),
                CronExpression.parse("0 6 1 * *").next(vn("2026-05-15T10:00").withZoneSameInstant(VN)).toInstant());
    }

    @Test
    void theSkippedHourOfSpringFiresOnceAtItsEnd() {
        // New York, 2026-03-08: 02:00 EST jumps to 03:00 EDT
        ZonedDateTime before = ZonedDateTime.of(2026, 3, 8, 1, 0, 0, 0, NEW_YORK);
        CronExpression at0230 = CronExpression.parse("30 2 * * *");
        ZonedDateTime first = at0230.next(before);
        assertEquals("2026-03-08T03:00-04:00[America/New_York]", first.toString());
        assertEquals("2026-03-09T02:30-04:00[America/New_York]", at0230.next(first).toString());

        CronExpression everyMinute = CronExpression.parse("* * * * *");
        ZonedDateTime t = everyMinute.next(ZonedDateTime.of(2026, 3, 8, 1, 58, 0, 0, NEW_YORK));
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seen.add(t.toString());
            t = everyMinute.next(t);
        }
        assertEquals(List.of("2026-03-08T01:59-05:00[America/New_York]", "2026-03-08T03:00-04:00[America/New_York]",
                "2026-03-08T03:01-04:00[America/New_York]"), seen);
    }

    @Test
    void theRepeatedHourOfAutumnFiresOnce() {
        // New York, 2026-11-01: 02:00 EDT goes back to 01:00 EST; 01:30 happens twice
        CronExpression at0130 = CronExpression.parse("30 1 * * *");
        ZonedDateTime first = at0130.next(ZonedDateTime.of(2026, 11, 1, 0, 0, 0, 0, NEW_YORK));
        assertEquals("2026-11-01T01:30-04:00[America/New_York]", first.toString());
        assertEquals("2026-11-02T01:30-05:00[America/New_York]", at0130.next(first).toString());
        // started during the second 01:xx: the 01:30 of today has already been
        ZonedDateTime secondPass = ZonedDateTime.of(2026, 11, 1, 1, 10, 0, 0, NEW_YORK).withLaterOffsetAtOverlap();
        assertEquals("2026-11-02T01:30-05:00[America/New_York]", at0130.next(secondPass).toString());
        assertEquals("2026-11-01T02:00-05:00[America/New_York]", CronExpression.parse("* * * * *").next(secondPass).toString());
        // hourly never goes backwards
        CronExpression hourly = CronExpression.parse("0 * * * *");
        ZonedDateTime t = ZonedDateTime.of(2026, 11, 1, 0, 30, 0, 0, NEW_YORK);
        for (int i = 0; i < 5; i++) {
            ZonedDateTime n = hourly.next(t);
            assertTrue(n.isAfter(t), n + " after " + t);
            t = n;
        }
    }

    @Test
    void parseErrorsSayWhatIsExpected() {
        assertEquals("expected 5 fields (minute hour day-of-month month day-of-week) such as '0 2 * * *', not '0 2 * *'",
                assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 2 * *")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse(""));
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse(null));
        assertEquals("minute: a value 60 is outside 0-59 in '60'",
                assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("60 2 * * *")).getMessage());
        assertEquals("hour: a value 24 is outside 0-23 in '1,24'",
                assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 1,24 * * *")).getMessage());
        String dow = assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 2 * * FOO")).getMessage();
        assertTrue(dow.startsWith("day-of-week: 'FOO' in 'FOO' is not 0-7 or SUN-SAT"), dow);
        assertEquals("day-of-month: the range 20-10 runs backwards in '20-10'",
                assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 20-10 * *")).getMessage());
        assertEquals("minute: a step 0 is outside 1-60 in '*/0'",
                assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("*/0 * * * *")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("1,,2 * * * *"))
                .getMessage().startsWith("minute: an empty list item"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 0 * *"))
                .getMessage().startsWith("day-of-month: a value 0 is outside 1-31"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 1 13 *"))
                .getMessage().startsWith("month: a value 13 is outside 1-12"));
    }

    @Test
    void textIsNormalised() {
        assertEquals("0 2 * * *", CronExpression.parse("  0  2 *\t* * ").toString());
        assertEquals(CronExpression.parse("0 2 * * *"), CronExpression.parse(" 0 2 * * *"));
    }
}
