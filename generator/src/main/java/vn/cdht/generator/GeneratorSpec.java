package vn.cdht.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import vn.cdht.warehouse.config.VietnamTime;

/**
 * What to generate.
 *
 * @param provinceCode a 2025 province code (its area is every old province merged into it), a code that exists only
 *                     in the 2024 geography, or {@code old:NN} to force the 2024 meaning
 * @param fromYear     the first year
 * @param toYear       the last year; never after the as-of date's year
 * @param scale        multiplies the real order of magnitude of people (1.0 = real); the number of units follows the
 *                     scaled population (one People's Committee per commune whatever the scale), their headcounts are
 *                     real
 * @param outDir       where the five export files go; with a JDBC target only {@code dan_so} is written there
 * @param dirtyRate    0..1: the probability per row of each applicable kind of mess; 0 gives clean files
 * @param jdbc         load into a PostgreSQL database instead of writing export files
 * @param asOf         the day the export is taken, at its start: everything in it happened before that day (no
 *                     registration, update, submission or decision on or after it, so that an export taken today
 *                     holds nothing later than now); null means the first of January after {@code toYear}
 */
public record GeneratorSpec(String provinceCode, int fromYear, int toYear, double scale, long seed,
                            OutputFormat format, Path outDir, double dirtyRate, Optional<JdbcTarget> jdbc,
                            LocalDate asOf) {

    /** A PostgreSQL database to load the generated data into. */
    public record JdbcTarget(String url, String user, String password) {
    }

    public GeneratorSpec {
        if (provinceCode == null || provinceCode.isBlank()) {
            throw new IllegalArgumentException("a province code is required, e.g. 51 or old:62");
        }
        if (fromYear < 2020 || toYear > 2100 || fromYear > toYear) {
            throw new IllegalArgumentException("years must satisfy 2020 <= from-year <= to-year <= 2100, got "
                    + fromYear + ".." + toYear);
        }
        asOf = asOf == null ? LocalDate.of(toYear + 1, 1, 1) : asOf;
        if (toYear > asOf.getYear()) {
            throw new IllegalArgumentException("to-year " + toYear + " is after the as-of date " + asOf
                    + ": nothing is generated after it (use a to-year of at most " + asOf.getYear() + ")");
        }
        if (!asOf.isAfter(LocalDate.of(fromYear, 1, 1))) {
            throw new IllegalArgumentException("the as-of date " + asOf + " leaves nothing to generate from " + fromYear
                    + ": it must be after 1 January " + fromYear);
        }
        if (!(scale > 0) || scale > 10) {
            throw new IllegalArgumentException("scale must be > 0 and <= 10, got " + scale);
        }
        if (!(dirtyRate >= 0 && dirtyRate <= 1)) {
            throw new IllegalArgumentException("dirty rate must be between 0 and 1, got " + dirtyRate);
        }
        format = format == null ? OutputFormat.CSV : format;
        jdbc = jdbc == null ? Optional.empty() : jdbc;
        if (outDir == null && jdbc.isEmpty()) {
            throw new IllegalArgumentException("an output folder (--out) is required unless a database (--jdbc) is given");
        }
    }

    /** As of the end of {@code toYear}. */
    public GeneratorSpec(String provinceCode, int fromYear, int toYear, double scale, long seed, OutputFormat format,
                         Path outDir, double dirtyRate, Optional<JdbcTarget> jdbc) {
        this(provinceCode, fromYear, toYear, scale, seed, format, outDir, dirtyRate, jdbc, null);
    }

    /** The default as-of day of an export: today, in Vietnam. */
    public static LocalDate today() {
        return LocalDate.now(VietnamTime.ZONE);
    }

    /** Files to {@code outDir}, as of the end of {@code toYear}. */
    public static GeneratorSpec files(String provinceCode, int fromYear, int toYear, double scale, long seed,
                                      OutputFormat format, Path outDir, double dirtyRate) {
        return files(provinceCode, fromYear, toYear, scale, seed, format, outDir, dirtyRate, null);
    }

    /** Files to {@code outDir}, as of a day. */
    public static GeneratorSpec files(String provinceCode, int fromYear, int toYear, double scale, long seed,
                                      OutputFormat format, Path outDir, double dirtyRate, LocalDate asOf) {
        return new GeneratorSpec(provinceCode, fromYear, toYear, scale, seed, format, outDir, dirtyRate,
                Optional.empty(), asOf);
    }

    /**
     * The last moment anything generated may carry: the last second before the as-of day, or the end of
     * {@code toYear} when that comes first.
     */
    public LocalDateTime end() {
        LocalDateTime beforeAsOf = asOf.atStartOfDay().minusSeconds(1);
        LocalDateTime endOfLastYear = LocalDate.of(toYear, 12, 31).atTime(23, 59, 59);
        return beforeAsOf.isBefore(endOfLastYear) ? beforeAsOf : endOfLastYear;
    }
}
