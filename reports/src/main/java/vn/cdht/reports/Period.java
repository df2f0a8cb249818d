package vn.cdht.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import vn.cdht.warehouse.reference.Reorganisation;

/**
 * The month a report is about: figures are cumulative to the end of it. December's report is the year's annual
 * edition. Its geography is the one in force at the end of the month: 2024 (with districts) until June 2025,
 * 2025 (34 provinces, no districts) from July 2025.
 */
public record Period(YearMonth month) {


    public static Period parse(String text) {
        try {
            return new Period(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            throw new ReportException("period '" + text + "' is not yyyy-MM (e.g. 2026-10)");
        }
    }

    /** The last complete month before {@code today}. */
    public static Period lastCompleteMonth(LocalDate today) {
        return new Period(YearMonth.from(today).minusMonths(1));
    }

    public String code() {
        return month.toString();
    }

    public int year() {
        return month.getYear();
    }

    public boolean annual() {
        return month.getMonthValue() == 12;
    }

    public Period previous() {
        return new Period(month.minusMonths(1));
    }

    public String defaultGeography() {
        return month.isBefore(Reorganisation.month()) ? "2024" : "2025";
    }

    /** "tháng 10/2026", or "năm 2026" for the annual edition. */
    public String label() {
        return annual() ? "năm " + year() : monthLabel();
    }

    /** "tháng 10/2026", also for December. */
    public String monthLabel() {
        return "tháng " + month.getMonthValue() + "/" + year();
    }
}
