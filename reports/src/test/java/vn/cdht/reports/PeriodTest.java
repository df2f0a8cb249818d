package vn.cdht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void monthlyAndAnnualLabels() {
        Period october = Period.parse("2026-10");
        assertEquals("tháng 10/2026", october.label());
        assertFalse(october.annual());
        assertEquals("2026-09", october.previous().code());
        Period december = Period.parse("2026-12");
        assertTrue(december.annual());
        assertEquals("năm 2026", december.label());
        assertEquals("tháng 12/2026", december.monthLabel());
        assertEquals("2025-12", Period.parse("2026-01").previous().code());
    }

    @Test
    void theGeographyInForceAtTheEndOfTheMonth() {
        assertEquals("2024", Period.parse("2025-06").defaultGeography());
        assertEquals("2025", Period.parse("2025-07").defaultGeography());
    }

    @Test
    void theLastCompleteMonthAndBadInput() {
        assertEquals("2026-10", Period.lastCompleteMonth(LocalDate.of(2026, 11, 24)).code());
        assertEquals("2025-12", Period.lastCompleteMonth(LocalDate.of(2026, 1, 1)).code());
        ReportException e = assertThrows(ReportException.class, () -> Period.parse("10/2026"));
        assertTrue(e.getMessage().contains("yyyy-MM"), e.getMessage());
    }
}
