package vn.cdht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which fix-lists and fix summaries a request renders, and what an unknown scope says. */
class FixTargetsTest {

    private static Connection duck;

    @BeforeAll
    static void database() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
        FixFixture.build(duck, "");
        UnitReportTest.sql(duck, "CREATE SCHEMA ref", "CREATE TABLE ref.provinces_2025 (province_code VARCHAR, province_name VARCHAR)",
                "INSERT INTO ref.provinces_2025 VALUES ('51', 'Tỉnh Quảng Ngãi')",
                // a unit known only through its findings: its own row was not taken in
                "INSERT INTO mart.fix_list (as_of_batch, unit_code, unit_name, province_name_2025, entity, record_key,"
                        + " finding, code) VALUES ('b', 'N51onlyF', 'Chi hội mới', 'Tỉnh Quảng Ngãi', 'units', 'N51onlyF',"
                        + " 'quarantined', 'MISSING_REQUIRED')");
    }

    @AfterAll
    static void close() throws SQLException {
        duck.close();
    }

    private static List<ReportTarget> resolve(ReportKind kind, String scope) {
        return new ReportTargets(duck).resolve(new ReportRequest(kind, scope, Period.parse("2026-10"), ReportFormat.PDF,
                null, false, null));
    }

    @Test
    void aFixListForAKnownUnitWithOrWithoutFindings() {
        assertEquals(List.of(new ReportTarget(FixFixture.UNIT, FixFixture.UNIT_NAME, "Quảng Ngãi")),
                resolve(ReportKind.FIX_LIST, FixFixture.UNIT));
        assertEquals(List.of(new ReportTarget(FixFixture.CLEAN, "Chi hội khuyến học thôn Đông", "Quảng Ngãi")),
                resolve(ReportKind.FIX_LIST, FixFixture.CLEAN), "nothing to fix: still its page");
        assertEquals("Chi hội mới", resolve(ReportKind.FIX_LIST, "N51onlyF").get(0).name(), "known only by its findings");
        assertEquals("Chi hội khuyến học thôn Bắc", resolve(ReportKind.FIX_LIST, FixFixture.PENDING).get(0).name(),
                "its own row not taken in: the name as written");
    }

    @Test
    void anUnknownUnitSaysHowUnitCodesLook() {
        String m = assertThrows(ReportException.class, () -> resolve(ReportKind.FIX_LIST, "b51pzcjw")).getMessage();
        assertEquals("unit b51pzcjw is unknown: neither a unit of the warehouse nor one with data to fix (a unit code is"
                + " the 8 letters and digits the unit hands out, case-sensitive, e.g. B51pzCjW)", m);
    }

    @Test
    void aSummaryForA2025Province() {
        assertEquals(List.of(new ReportTarget("51", "Tỉnh Quảng Ngãi", "Quảng Ngãi")), resolve(ReportKind.FIX_SUMMARY, "51"));
        String m = assertThrows(ReportException.class, () -> resolve(ReportKind.FIX_SUMMARY, "62")).getMessage();
        assertTrue(m.startsWith("province 62 is not a province of the 2025 geography: give its two-digit code"), m);
    }

    @Test
    void asOfTheLatestBatchOnThe2025Geography() {
        ReportRequest march2025 = new ReportRequest(ReportKind.FIX_LIST, FixFixture.UNIT, Period.parse("2025-03"),
                ReportFormat.XLSX, null, false, null);
        assertEquals("2025", march2025.effectiveGeography(), "a period before July 2025 does not change it");
        assertTrue(assertThrows(ReportException.class, () -> new ReportRequest(ReportKind.FIX_SUMMARY, "51",
                Period.parse("2026-10"), ReportFormat.PDF, "2024", false, null)).getMessage()
                .startsWith("fix-summary is on the 2025 geography"));
        assertTrue(ReportKind.FIX_LIST.personalData());
        assertTrue(!ReportKind.FIX_SUMMARY.personalData());
    }
}
