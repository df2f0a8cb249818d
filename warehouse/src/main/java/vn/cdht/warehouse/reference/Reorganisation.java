package vn.cdht.warehouse.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The day the 2025 administrative geography took effect (1 July 2025), read from {@code reference/geographies.csv}:
 * the one place it is written. Before it the 2024 geography (63 provinces, districts) is in force, from it the 2025
 * one. The SQL models read it as {@code ${reorganisation_date}} (see {@code sql/functions/parsing.sql}), the reports
 * and the generator through this class.
 */
public final class Reorganisation {

    private static final String FILE = "reference/geographies.csv";

    /** The first day of the 2025 geography. */
    public static final LocalDate DATE = read();

    private Reorganisation() {
    }

    /** The first month on the 2025 geography. */
    public static YearMonth month() {
        return YearMonth.from(DATE);
    }

    /** The geography in force on {@code day}: {@code 2024} or {@code 2025}. */
    public static String geographyOn(LocalDate day) {
        return day.isBefore(DATE) ? "2024" : "2025";
    }

    /** The last programme year still shown on the 2024 geography (the year of the reorganisation). */
    public static int lastYearOn2024() {
        return DATE.getYear();
    }

    private static LocalDate read() {
        try (InputStream in = Reorganisation.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the classpath");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", 3);
                if (cells[0].equals("2025")) {
                    return LocalDate.parse(cells[1]);
                }
            }
            throw new IllegalStateException(FILE + " has no row for the 2025 geography");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE + ": " + e.getMessage(), e);
        }
    }
}
