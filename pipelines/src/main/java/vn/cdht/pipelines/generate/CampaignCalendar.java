package vn.cdht.pipelines.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * When things happen: registrations follow the campaign (a burst after each letter: Nov 2023, Mar–Apr 2024,
 * Sep 2024, Dec 2024; a rush in Sep–Oct before the end-October deadline; quiet in Jul–Aug and at Tết), rising by year;
 * self-assessments close before November and gather in Sep–Oct; recognitions are decided in November.
 */
public final class CampaignCalendar {

    private static final double[] MONTH = {0.7, 0.4, 1.0, 1.0, 0.9, 0.7, 0.35, 0.4, 1.9, 2.4, 1.0, 0.8};
    private static final double[] ASSESS_MONTH = {0.25, 0.15, 0.35, 0.35, 0.3, 0.3, 0.15, 0.25, 2.6, 3.6, 0, 0};

    private final int fromYear;
    private final int toYear;
    private final double[] cumulative;

    public CampaignCalendar(int fromYear, int toYear) {
        this.fromYear = fromYear;
        this.toYear = toYear;
        int months = (toYear - fromYear + 1) * 12;
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

    /** The last second of the period. */
    public LocalDateTime end() {
        return LocalDateTime.of(toYear, 12, 31, 23, 59, 59);
    }

    static double yearWeight(int year) {
        if (year <= 2022) {
            return 0.05;
        }
        return switch (year) {
            case 2023 -> 0.12;
            case 2024 -> 0.40;
            case 2025 -> 0.30;
            default -> 0.22;
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

    /** A registration moment in the period, following the campaign's rhythm. */
    public LocalDateTime registration(SplittableRandom r) {
        double x = r.nextDouble() * cumulative[cumulative.length - 1];
        int i = 0;
        while (i < cumulative.length - 1 && cumulative[i] <= x) {
            i++;
        }
        YearMonth ym = YearMonth.of(fromYear + i / 12, i % 12 + 1);
        return dayTime(r, ym.atDay(1 + r.nextInt(ym.lengthOfMonth())));
    }

    /** A time of day when people use the site: 06:30 to 22:30, evenings busier. */
    static LocalDateTime dayTime(SplittableRandom r, LocalDate day) {
        int minute = r.nextDouble() < 0.35 ? 19 * 60 + r.nextInt(210) : 6 * 60 + 30 + r.nextInt(16 * 60);
        return day.atTime(minute / 60, minute % 60, r.nextInt(60));
    }

    /** The deadline of a year's self-assessment: the last second of October. */
    public static LocalDateTime deadline(int year) {
        return LocalDateTime.of(year, 10, 31, 23, 59, 59);
    }

    /**
     * A submission moment in [from, to] of a year (to no later than the deadline), mostly in Sep–Oct. Null when the
     * window is empty.
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
