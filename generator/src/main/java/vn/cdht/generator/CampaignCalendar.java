package vn.cdht.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * When things happen: registrations follow the campaign (a burst after each letter: Nov 2023, Mar–Apr 2024,
 * Sep 2024, Dec 2024; a rush in Sep–Oct before the end-October deadline; quiet in Jul–Aug and at Tết), rising by year;
 * self-assessments close before November and gather in Sep–Oct; recognitions are decided in November.
 *
 * <p>Moments are drawn over the programme's whole horizon (to 2030, Decision 677), the same whatever the as-of day;
 * what falls after {@link #end()} (the eve of the as-of day, or the end of the last year) has not happened yet, and the
 * generator leaves it out: an earlier as-of day sees fewer registrations, and a year's self-assessments only as far as
 * they have come.
 */
public final class CampaignCalendar {

    private static final double[] MONTH = {0.7, 0.4, 1.0, 1.0, 0.9, 0.7, 0.35, 0.4, 1.9, 2.4, 1.0, 0.8};
    private static final double[] ASSESS_MONTH = {0.25, 0.15, 0.35, 0.35, 0.3, 0.3, 0.15, 0.25, 2.6, 3.6, 0, 0};

    /** The last year of the programme (Decision 677/QĐ-TTg: 2021-2030). */
    static final int HORIZON_YEAR = 2030;

    private final int fromYear;
    private final LocalDateTime end;
    private final LocalDateTime horizon;
    private final double[] cumulative;

    /** From the first of January of {@code fromYear} to the end of the last year. */
    public CampaignCalendar(int fromYear, int toYear) {
        this(fromYear, LocalDateTime.of(toYear, 12, 31, 23, 59, 59));
    }

    /** From the first of January of {@code fromYear} to {@code end} (the last second of a day). */
    public CampaignCalendar(int fromYear, LocalDateTime end) {
        if (end.getYear() < fromYear) {
            throw new IllegalArgumentException("the period ends (" + end + ") before " + fromYear);
        }
        this.fromYear = fromYear;
        this.end = end;
        int lastYear = Math.max(HORIZON_YEAR, end.getYear());
        this.horizon = LocalDateTime.of(lastYear, 12, 31, 23, 59, 59);
        int months = (lastYear - fromYear + 1) * 12;
        cumulative = new double[months];
        double sum = 0;
        for (int i = 0; i < months; i++) {
            sum += registrationWeight(fromYear + i / 12, i % 12 + 1);
            cumulative[i] = sum;
        }
    }

    public LocalDateTime start() {
        return LocalDateTime.of(fromYear, 1, 1, 0, 0);
    }

    /** The last second of the period: nothing is dated after it. */
    public LocalDateTime end() {
        return end;
    }

    /** The earlier of a moment and the end of the period. */
    public LocalDateTime cap(LocalDateTime t) {
        return t.isAfter(end) ? end : t;
    }

    /** Whether a moment has happened by the end of the period. */
    public boolean happened(LocalDateTime t) {
        return t != null && !t.isAfter(end);
    }

    static double yearWeight(int year) {
        if (year <= 2022) {
            return 0.05;
        }
        return switch (year) {
            case 2023 -> 0.12;
            case 2024 -> 0.40;
            case 2025 -> 0.30;
            case 2026 -> 0.22;
            case 2027 -> 0.15;
            case 2028 -> 0.11;
            case 2029 -> 0.08;
            default -> 0.06;
        };
    }

    static double letterBurst(int year, int month) {
        if (year == 2023 && month == 11) {
            return 3.0;
        }
        if (year == 2024 && (month == 3 || month == 4)) {
            return 2.5;
        }
        if (year == 2024 && month == 9) {
            return 1.6;
        }
        if (year == 2024 && month == 12) {
            return 2.5;
        }
        if (year == 2023 && month < 11) {
            return 0.5; // before the first letter
        }
        return 1.0;
    }

    static double registrationWeight(int year, int month) {
        return yearWeight(year) * MONTH[month - 1] * letterBurst(year, month);
    }

    /**
     * A registration moment between the start and the horizon, following the campaign's rhythm; after {@link #end()}
     * for those who have not registered yet.
     */
    public LocalDateTime registration(SplittableRandom r) {
        double x = r.nextDouble() * cumulative[cumulative.length - 1];
        int i = 0;
        while (i < cumulative.length - 1 && cumulative[i] <= x) {
            i++;
        }
        YearMonth ym = YearMonth.of(fromYear + i / 12, i % 12 + 1);
        return dayTime(r, ym.atDay(1 + r.nextInt(ym.lengthOfMonth())));
    }

    /** A registration moment no earlier than {@code notBefore}, as {@link #registration(SplittableRandom)}. */
    public LocalDateTime registration(SplittableRandom r, LocalDateTime notBefore) {
        for (int attempt = 0; attempt < 8; attempt++) {
            LocalDateTime t = registration(r);
            if (!t.isBefore(notBefore)) {
                return t;
            }
        }
        return between(r, notBefore, horizon);
    }

    /** A time of day when people use the site: 06:30 to 22:30, evenings busier. */
    static LocalDateTime dayTime(SplittableRandom r, LocalDate day) {
        int minute = r.nextDouble() < 0.35 ? 19 * 60 + r.nextInt(210) : 6 * 60 + 30 + r.nextInt(16 * 60);
        return day.atTime(minute / 60, minute % 60, r.nextInt(60));
    }

    /** The deadline of a year's self-assessment: the last second of October (the period's end may come first). */
    public static LocalDateTime deadline(int year) {
        return LocalDateTime.of(year, 10, 31, 23, 59, 59);
    }

    /**
     * A submission moment in [from, to] of a year (to no later than the deadline), mostly in Sep–Oct. Null when the
     * window is empty. It may lie after {@link #end()}: not submitted yet.
     */
    public LocalDateTime submission(SplittableRandom r, int year, LocalDateTime from, LocalDateTime to) {
        if (!from.isBefore(to)) {
            return null;
        }
        for (int attempt = 0; attempt < 4; attempt++) {
            double total = 0;
            for (double w : ASSESS_MONTH) {
                total += w;
            }
            double x = r.nextDouble() * total;
            int m = 0;
            while (m < 11 && (x -= ASSESS_MONTH[m]) >= 0) {
                m++;
            }
            YearMonth ym = YearMonth.of(year, m + 1);
            LocalDateTime t = dayTime(r, ym.atDay(1 + r.nextInt(ym.lengthOfMonth())));
            if (!t.isBefore(from) && !t.isAfter(to)) {
                return t;
            }
        }
        return between(r, from, to);
    }

    /** A moment uniformly in [from, to], to the second. */
    public static LocalDateTime between(SplittableRandom r, LocalDateTime from, LocalDateTime to) {
        long seconds = ChronoUnit.SECONDS.between(from, to);
        return seconds <= 0 ? from : from.plusSeconds(r.nextLong(seconds + 1));
    }
}
