package vn.cdht.reports.delivery;

import vn.cdht.reports.ReportKind;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryRuleTest {

    private static Subscription sub(Role role, String scope, ReportKind... kinds) {
        return new Subscription(1, "a@example.vn", null, role, scope, Set.of(kinds), Instant.EPOCH);
    }

    @Test
    void aReportGoesToItsKindAndExactScope() {
        Subscription leader51 = sub(Role.LEADER, "51", ReportKind.PROVINCE, ReportKind.STATS_TABLE);
        assertTrue(DeliveryRule.matches(leader51, "province", "51", false));
        assertTrue(DeliveryRule.matches(leader51, "stats-table", "51", false));
        assertFalse(DeliveryRule.matches(leader51, "province", "52", false), "another province");
        assertFalse(DeliveryRule.matches(leader51, "commune", "51", false), "a kind not subscribed");
        assertFalse(DeliveryRule.matches(leader51, "commune", "21211", false),
                "a commune of the province is not the province: scopes match exactly");
        assertFalse(DeliveryRule.matches(leader51, "no-such-kind", "51", false));
    }

    @Test
    void starMatchesEveryScopeExceptUnitLists() {
        Subscription any = sub(Role.ANALYST, "*", ReportKind.values());
        assertTrue(DeliveryRule.matches(any, "province", "51", false));
        assertTrue(DeliveryRule.matches(any, "commune", "21211", false));
        assertTrue(DeliveryRule.matches(any, "unit-report", "51:school", false));
        assertFalse(DeliveryRule.matches(any, "unit-list", "DV001", true));
        assertFalse(DeliveryRule.matches(sub(Role.UNIT_MANAGER, "*", ReportKind.UNIT_LIST), "unit-list", "DV001", true),
                "not even a unit manager through *");
    }

    @Test
    void aUnitListGoesOnlyToTheManagerOfThatUnit() {
        assertTrue(DeliveryRule.matches(sub(Role.UNIT_MANAGER, "DV001", ReportKind.UNIT_LIST), "unit-list", "DV001", true));
        assertFalse(DeliveryRule.matches(sub(Role.UNIT_MANAGER, "DV002", ReportKind.UNIT_LIST), "unit-list", "DV001", true),
                "the manager of another unit");
        assertFalse(DeliveryRule.matches(sub(Role.UNIT_MANAGER, "DV001", ReportKind.UNIT_REPORT), "unit-list", "DV001", true),
                "a manager who did not ask for lists");
        for (Role role : EnumSet.complementOf(EnumSet.of(Role.UNIT_MANAGER))) {
            assertFalse(DeliveryRule.matches(sub(role, "DV001", ReportKind.UNIT_LIST), "unit-list", "DV001", true), role.code());
        }
        assertFalse(DeliveryRule.matches(sub(Role.LEADER, "51", ReportKind.PROVINCE), "province", "51", true),
                "any report marked as holding personal data follows the unit list's rule");
    }

    @Test
    void aFixListGoesOnlyToTheManagerOfThatUnitEvenUnmarked() {
        Subscription manager = sub(Role.UNIT_MANAGER, "B51pzCjW", ReportKind.UNIT_LIST, ReportKind.FIX_LIST);
        assertTrue(DeliveryRule.matches(manager, "fix-list", "B51pzCjW", true));
        assertTrue(DeliveryRule.matches(manager, "fix-list", "B51pzCjW", false), "the kind alone restricts it");
        assertFalse(DeliveryRule.matches(manager, "fix-list", "Xk9OTHER", false), "another unit's list");
        assertFalse(DeliveryRule.matches(sub(Role.UNIT_MANAGER, "B51pzCjW", ReportKind.UNIT_LIST), "fix-list",
                "B51pzCjW", true), "a manager who did not ask for fix-lists");
        assertFalse(DeliveryRule.matches(sub(Role.UNIT_MANAGER, "*", ReportKind.FIX_LIST), "fix-list", "B51pzCjW", true),
                "never through *");
        for (Role role : EnumSet.complementOf(EnumSet.of(Role.UNIT_MANAGER))) {
            assertFalse(DeliveryRule.matches(sub(role, "B51pzCjW", ReportKind.FIX_LIST), "fix-list", "B51pzCjW", false),
                    role.code());
            assertFalse(DeliveryRule.matches(sub(role, "*", ReportKind.values()), "fix-list", "B51pzCjW", false),
                    role.code() + " through *");
        }
    }

    @Test
    void theFixSummaryGoesLikeTheProvinceBulletin() {
        Subscription department = sub(Role.DEPARTMENT, "51", ReportKind.PROVINCE, ReportKind.FIX_SUMMARY);
        assertTrue(DeliveryRule.matches(department, "fix-summary", "51", false));
        assertFalse(DeliveryRule.matches(department, "fix-summary", "52", false));
        assertFalse(DeliveryRule.matches(sub(Role.DEPARTMENT, "51", ReportKind.PROVINCE), "fix-summary", "51", false),
                "not subscribed to it");
        assertTrue(DeliveryRule.matches(sub(Role.ANALYST, "*", ReportKind.FIX_SUMMARY), "fix-summary", "51", false));
    }
}
