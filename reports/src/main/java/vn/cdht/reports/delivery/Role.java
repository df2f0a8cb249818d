package vn.cdht.reports.delivery;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Who a subscriber is; only a unit manager may receive a unit list (which holds personal data). */
public enum Role {
    LEADER("leader"),
    DEPARTMENT("department"),
    COMMUNE_OFFICE("commune-office"),
    UNIT_MANAGER("unit-manager"),
    ANALYST("analyst");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Role of(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        for (Role r : values()) {
            if (r.code.equals(c)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + code + "': use one of " + codes());
    }

    public static String codes() {
        return Arrays.stream(values()).map(Role::code).collect(Collectors.joining("|"));
    }
}
