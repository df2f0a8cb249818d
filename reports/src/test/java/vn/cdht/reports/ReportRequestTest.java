package vn.cdht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportRequestTest {

    private static final Period OCTOBER = Period.parse("2026-10");

    @Test
    void refusesWhatCannotBeRenderedWithAMessageThatSaysWhatToDo() {
        assertTrue(assertThrows(ReportException.class, () -> new ReportRequest(ReportKind.PROVINCE, "51", OCTOBER,
                ReportFormat.XLSX, null, false, null)).getMessage().contains("province is rendered as pdf"));
        assertTrue(assertThrows(ReportException.class, () -> new ReportRequest(ReportKind.PROVINCE, "51'; DROP", OCTOBER,
                ReportFormat.PDF, null, false, null)).getMessage().contains("is not a code"));
        assertTrue(assertThrows(ReportException.class, () -> new ReportRequest(ReportKind.PROVINCE, "51", OCTOBER,
                ReportFormat.PDF, null, true, null)).getMessage().contains("--kind commune"));
        assertEquals("unknown report kind 'bulletin': use province|commune|stats-table|unit-report|unit-list|fix-list|fix-summary",
                assertThrows(IllegalArgumentException.class, () -> ReportKind.of("bulletin")).getMessage());
    }

    @Test
    void geographyAndRegisteredScope() {
        ReportRequest r = new ReportRequest(ReportKind.UNIT_REPORT, "21157", Period.parse("2025-03"), ReportFormat.XLSX,
                null, false, "school");
        assertEquals("2024", r.effectiveGeography());
        assertEquals("21157:school", r.registeredScope());
    }

    @Test
    void snapshotsRoundTrip() {
        ReportSnapshots s = ReportSnapshots.parse("mart.trend=2,mart.coverage=1,core.units=none");
        assertEquals("core.units=none,mart.coverage=1,mart.trend=2", s.format());
        assertEquals(null, s.get("core.units"));
        assertTrue(s.contains("core.units"));
    }
}
