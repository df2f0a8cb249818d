package vn.cdht.reports.delivery;

import java.util.Locale;

/** {@code delivery.status}: waiting to be (re)tried, sent, or given up after the configured attempts. */
public enum DeliveryStatus {
    PENDING, SENT, FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
