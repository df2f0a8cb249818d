package vn.cdht.reports.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.cdht.reports.VietnameseDates;
import vn.cdht.warehouse.reference.ReferenceSources;
import vn.cdht.warehouse.reference.SourceTable;

/**
 * Names of report scopes for e-mails, from the bundled administrative units of the report's geography:
 * {@code 51} is "Quảng Ngãi", {@code 21211} is "Xã Tịnh Khê, Quảng Ngãi". Loaded on first use.
 */
public final class PlaceNames {

    private Map<String, Map<String, String>> byGeography;

    /** The name of a scope for a report of {@code geography} (2024 or 2025); unknown codes are shown as they are. */
    public synchronized String name(String geography, String scope) {
        if (scope.contains(":")) {
            // a unit report's scope is AREA:CATEGORY
            int colon = scope.indexOf(':');
            return name(geography, scope.substring(0, colon)) + " (" + scope.substring(colon + 1) + ")";
        }
        return find(geography, scope).orElse(scope);
    }

    private Optional<String> find(String geography, String code) {
        if (byGeography == null) {
            byGeography = load();
        }
        return Optional.ofNullable(byGeography.getOrDefault(geography, Map.of()).get(code));
    }

    private static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (SourceTable t : new ReferenceSources(Optional.empty()).readAll()) {
            if (t.name().startsWith("admin_units_")) {
                out.put(t.name().substring("admin_units_".length()), names(t));
            }
        }
        return out;
    }

    private static Map<String, String> names(SourceTable t) {
        int provinceCode = t.columns().indexOf("province_code");
        int provinceName = t.columns().indexOf("province_name");
        int communeCode = t.columns().indexOf("commune_code");
        int communeName = t.columns().indexOf("commune_name");
        Map<String, String> out = new HashMap<>();
        for (List<String> row : t.rows()) {
            // the kind of report already says which level: "Tỉnh Quảng Ngãi" is "Quảng Ngãi"
            String province = VietnameseDates.placeName(row.get(provinceName));
            out.putIfAbsent(row.get(provinceCode), province);
            out.put(row.get(communeCode), row.get(communeName) + ", " + province);
        }
        return out;
    }
}
