package vn.cdht.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The area to generate: the old provinces (2024 geography) of a province code, and their communes in the order of
 * province, district and commune code.
 *
 * @param code          the code as asked
 * @param name          the province's name (2025 name for a 2025 province)
 * @param oldProvinces  the old province codes the area covers, sorted
 * @param communes      the old communes of those provinces
 */
public record ProvinceArea(String code, String name, List<String> oldProvinces, List<OldCommune> communes) {

    private static final String HOW_TO_FIND = "use a 2-digit code of the 2025 geography (34 provinces, e.g. 51 Quảng Ngãi, "
            + "37 Ninh Bình) or of the 2024 geography (63 provinces, e.g. 62 Kon Tum), or old:NN to force the 2024 meaning; "
            + "the codes are in reference/admin_units_2025.csv and admin_units_2024.csv (warehouse module)";

    public ProvinceArea {
        oldProvinces = List.copyOf(oldProvinces);
        communes = List.copyOf(communes);
    }

    public static ProvinceArea resolve(String requested, Geography geography) {
        String text = requested == null ? "" : requested.strip();
        boolean forceOld = text.regionMatches(true, 0, "old:", 0, 4);
        String code = forceOld ? text.substring(4).strip() : text;
        if (code.matches("[0-9]")) {
            code = "0" + code;
        }
        List<String> olds = new ArrayList<>();
        String name;
        Map<String, String> newProvinces = geography.newProvinces();
        Map<String, String> oldProvinces = geography.oldProvinces();
        if (!forceOld && newProvinces.containsKey(code)) {
            for (String old : oldProvinces.keySet()) {
                if (geography.newProvinceOf(old).filter(code::equals).isPresent()) {
                    olds.add(old);
                }
            }
            name = newProvinces.get(code);
        } else if (oldProvinces.containsKey(code)) {
            olds.add(code);
            name = oldProvinces.get(code);
        } else {
            throw new IllegalArgumentException("unknown province code '" + requested + "': " + HOW_TO_FIND);
        }
        List<OldCommune> communes = geography.oldCommunes().stream()
                .filter(c -> olds.contains(c.provinceCode()))
                .sorted(Comparator.comparing(OldCommune::provinceCode).thenComparing(OldCommune::districtCode)
                        .thenComparing(OldCommune::code))
                .toList();
        return new ProvinceArea(text, name, olds, communes);
    }
}
