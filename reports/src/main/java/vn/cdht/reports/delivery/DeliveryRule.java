package vn.cdht.reports.delivery;

import vn.cdht.reports.ReportKind;
import vn.cdht.reports.registry.RenderedReport;

/**
 * Whether a report goes to a subscription. The report's kind must be one of the subscription's kinds, and its scope
 * must be the subscription's scope exactly, or the subscription's scope is {@code *}. A unit list or a fix-list (or
 * any report with personal data) goes only to a unit manager of exactly that unit: never through {@code *}.
 */
public final class DeliveryRule {

    private DeliveryRule() {
    }

    public static boolean matches(Subscription s, RenderedReport report) {
        return matches(s, report.kind(), report.scope(), report.personalData());
    }

    public static boolean matches(Subscription s, String kind, String scope, boolean personalData) {
        ReportKind k;
        try {
            k = ReportKind.of(kind);
        } catch (IllegalArgumentException unknownKind) {
            return false;
        }
        if (!s.kinds().contains(k)) {
            return false;
        }
        if (personalData || k.personalData()) {
            return s.role() == Role.UNIT_MANAGER && s.scope().equals(scope);
        }
        return s.scope().equals(Subscription.ANY_SCOPE) || s.scope().equals(scope);
    }
}
