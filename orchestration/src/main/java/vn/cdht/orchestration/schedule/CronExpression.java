package vn.cdht.orchestration.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A classic five-field cron expression: {@code minute hour day-of-month month day-of-week}.
 *
 * <p>Each field is {@code *}, a number, a range {@code a-b}, a step {@code *}{@code /n}, {@code a-b/n} or {@code a/n}
 * (from {@code a} to the end of the field), or a comma-separated list of those. Months may be written {@code JAN}-{@code DEC}
 * and days of the week {@code SUN}-{@code SAT}; Sunday is {@code 0} or {@code 7}. As in Vixie cron, when both the
 * day-of-month and the day-of-week are restricted (neither is {@code *}), a day matches if <em>either</em> matches.
 *
 * <p>Times are local times of the zone of the date-time given to {@link #next}. Across daylight-saving changes a
 * local time that does not exist (the hour skipped in spring) fires once at the end of the gap, and a local time that
 * occurs twice (the hour repeated in autumn) fires once, the first time. Zones without daylight saving, such as
 * Vietnam time, have neither.
 */
public final class CronExpression {

    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    /** Far enough for any expression that fires at all (29 February comes back within eight years). */
    private static final int SEARCH_YEARS = 10;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronExpression(String text, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months,
            BitSet daysOfWeek, boolean anyDayOfMonth, boolean anyDayOfWeek) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.anyDayOfMonth = anyDayOfMonth;
        this.anyDayOfWeek = anyDayOfWeek;
    }

    /**
     * @throws IllegalArgumentException saying which field is wrong and what is expected
     */
    public static CronExpression parse(String text) {
        String t = text == null ? "" : text.strip();
        String[] f = t.isEmpty() ? new String[0] : t.split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("expected 5 fields (minute hour day-of-month month day-of-week) such as"
                    + " '0 2 * * *', not '" + t + "'");
        }
        BitSet minutes = field("minute", f[0], 0, 59, null);
        BitSet hours = field("hour", f[1], 0, 23, null);
        BitSet dom = field("day-of-month", f[2], 1, 31, null);
        BitSet months = field("month", f[3], 1, 12, MONTHS);
        BitSet dow = field("day-of-week", f[4], 0, 7, DAYS);
        if (dow.get(7)) {
            dow.clear(7);
            dow.set(0);
        }
        boolean anyDom = f[2].equals("*");
        boolean anyDow = f[4].equals("*");
        if (anyDow && !anyDom && !occurs(dom, months)) {
            throw new IllegalArgumentException("never fires: no month " + f[3] + " has a day " + f[2] + " in '" + t + "'");
        }
        return new CronExpression(String.join(" ", f), minutes, hours, dom, months, dow, anyDom, anyDow);
    }

    /** The first fire time strictly after {@code after}, in its zone. */
    public ZonedDateTime next(ZonedDateTime after) {
        ZoneId zone = after.getZone();
        LocalDateTime t = after.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        int lastYear = t.getYear() + SEARCH_YEARS;
        while (true) {
            LocalDateTime candidate = nextLocal(t, lastYear);
            ZonedDateTime z = atZone(candidate, zone);
            if (z.isAfter(after)) {
                return z;
            }
            // the second pass of a repeated hour: this local time has already fired
            t = candidate.plusMinutes(1);
        }
    }

    /** The smallest matching local date-time at or after {@code t}. */
    private LocalDateTime nextLocal(LocalDateTime t, int lastYear) {
        while (true) {
            if (t.getYear() > lastYear) {
                throw new IllegalStateException("cron expression '" + text + "' never fires");
            }
            if (!months.get(t.getMonthValue())) {
                t = t.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
            } else if (!dayMatches(t.toLocalDate())) {
                t = t.toLocalDate().plusDays(1).atStartOfDay();
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else {
                int m = minutes.nextSetBit(t.getMinute());
                if (m >= 0) {
                    return t.withMinute(m);
                }
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            }
        }
    }

    private boolean dayMatches(LocalDate d) {
        boolean dom = daysOfMonth.get(d.getDayOfMonth());
        boolean dow = daysOfWeek.get(d.getDayOfWeek().getValue() % 7);
        if (anyDayOfMonth || anyDayOfWeek) {
            return dom && dow;
        }
        return dom || dow;
    }

    /** A local time in a gap fires at the end of the gap; one that occurs twice resolves to its first occurrence. */
    private static ZonedDateTime atZone(LocalDateTime t, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        if (rules.getValidOffsets(t).isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(t);
            return gap.getInstant().atZone(zone);
        }
        return ZonedDateTime.ofLocal(t, zone, null).withEarlierOffsetAtOverlap();
    }

    private static boolean occurs(BitSet days, BitSet months) {
        for (int m = months.nextSetBit(1); m >= 0; m = months.nextSetBit(m + 1)) {
            if (days.nextSetBit(1) <= Month.of(m).maxLength()) {
                return true;
            }
        }
        return false;
    }

    private static BitSet field(String name, String text, int min, int max, List<String> names) {
        BitSet bits = new BitSet(max + 1);
        for (String item : text.split(",", -1)) {
            if (item.isEmpty()) {
                throw error(name, text, "an empty list item", min, max, names);
            }
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(name, text, item.substring(slash + 1), 1, max - min + 1, null, "a step");
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max == 7 ? 6 : max;
            } else if (range.indexOf('-') > 0) {
                int dash = range.indexOf('-');
                from = number(name, text, range.substring(0, dash), min, max, names, "a value");
                to = number(name, text, range.substring(dash + 1), min, max, names, "a value");
                if (to < from) {
                    throw new IllegalArgumentException(name + ": the range " + range + " runs backwards in '" + text + "'");
                }
            } else {
                from = number(name, text, range, min, max, names, "a value");
                to = slash < 0 ? from : max == 7 ? 6 : max;
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int number(String name, String field, String s, int min, int max, List<String> names, String what) {
        if (names != null) {
            int i = names.indexOf(s.toUpperCase(Locale.ROOT));
            if (i >= 0) {
                return min == 1 ? i + 1 : i;
            }
        }
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw error(name, field, "'" + s + "'", min, max, names);
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + ": " + what + " " + v + " is outside " + min + "-" + max
                    + " in '" + field + "'");
        }
        return v;
    }

    private static IllegalArgumentException error(String name, String field, String what, int min, int max,
            List<String> names) {
        String expected = min + "-" + max + (names == null ? "" : " or " + names.get(0) + "-" + names.get(names.size() - 1))
                + ", '*', a range a-b, a step */n or a-b/n, or a list of those";
        return new IllegalArgumentException(name + ": " + what + " in '" + field + "' is not " + expected);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronExpression c && c.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
