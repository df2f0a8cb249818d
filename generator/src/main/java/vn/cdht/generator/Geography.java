package vn.cdht.generator;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.cdht.warehouse.reference.ReferenceSources;
import vn.cdht.warehouse.reference.Reorganisation;
import vn.cdht.warehouse.reference.SourceTable;

/** The real geography before and after 1 July 2025 and the crosswalk between them, from the reference files. */
public final class Geography {

    /** The day the 2025 geography came into force. */
    public static final LocalDateTime SWITCH = Reorganisation.DATE.atStartOfDay();

    private final List<OldCommune> oldCommunes = new ArrayList<>();
    private final Map<String, OldCommune> oldByCode = new TreeMap<>();
    private final Map<String, String[]> newCommunes = new TreeMap<>(); // code → {province, name, type}
    private final Map<String, List<String>> crosswalk = new TreeMap<>(); // old code → new codes, sorted
    private final Map<String, List<String>> reverse = new TreeMap<>(); // new code → old codes, sorted
    private final Map<String, String> oldProvinceNames = new TreeMap<>();
    private final Map<String, String> newProvinceNames = new TreeMap<>();
    private final Map<String, String> provinceCrosswalk = new TreeMap<>(); // old → new province

    Geography(List<SourceTable> tables) {
        for (SourceTable t : tables) {
            switch (t.name()) {
                case "admin_units_2024" -> each(t, r -> {
                    OldCommune c = new OldCommune(r.get("province_code"), r.get("province_name"), r.get("district_code"),
                            r.get("district_name"), r.get("commune_code"), r.get("commune_name"), r.get("commune_type"));
                    oldCommunes.add(c);
                    oldByCode.put(c.code(), c);
                    oldProvinceNames.put(c.provinceCode(), c.provinceName());
                });
                case "admin_units_2025" -> each(t, r -> {
                    newCommunes.put(r.get("commune_code"),
                            new String[] {r.get("province_code"), r.get("commune_name"), r.get("commune_type")});
                    newProvinceNames.put(r.get("province_code"), r.get("province_name"));
                });
                case "commune_crosswalk_2025" -> each(t, r -> {
                    crosswalk.computeIfAbsent(r.get("old_commune_code"), k -> new ArrayList<>()).add(r.get("new_commune_code"));
                    reverse.computeIfAbsent(r.get("new_commune_code"), k -> new ArrayList<>()).add(r.get("old_commune_code"));
                });
                case "province_crosswalk_2025" -> each(t, r -> provinceCrosswalk.put(r.get("old_province_code"),
                        r.get("new_province_code")));
                default -> { }
            }
        }
        crosswalk.values().forEach(l -> l.sort(null));
        reverse.values().forEach(l -> l.sort(null));
    }

    /** The bundled reference geography. */
    public static Geography load() {
        return new Geography(new ReferenceSources(Optional.empty()).readAll());
    }

    private interface RowFn {
        void accept(Map<String, String> row);
    }

    private static void each(SourceTable t, RowFn fn) {
        for (List<String> values : t.rows()) {
            Map<String, String> row = new TreeMap<>();
            for (int i = 0; i < t.columns().size(); i++) {
                row.put(t.columns().get(i), values.get(i));
            }
            fn.accept(row);
        }
    }

    public List<OldCommune> oldCommunes() {
        return Collections.unmodifiableList(oldCommunes);
    }

    public Optional<OldCommune> oldCommune(String code) {
        return Optional.ofNullable(oldByCode.get(code));
    }

    public Map<String, String> oldProvinces() {
        return Collections.unmodifiableMap(oldProvinceNames);
    }

    public Map<String, String> newProvinces() {
        return Collections.unmodifiableMap(newProvinceNames);
    }

    public Optional<String> newProvinceOf(String oldProvinceCode) {
        return Optional.ofNullable(provinceCrosswalk.get(oldProvinceCode));
    }

    public boolean isOldCommune(String code) {
        return oldByCode.containsKey(code);
    }

    public boolean isNewCommune(String code) {
        return newCommunes.containsKey(code);
    }

    /** The province of a 2025 commune. */
    public String newCommuneProvince(String newCode) {
        String[] c = newCommunes.get(newCode);
        if (c == null) {
            throw new IllegalStateException("commune " + newCode + " is not in the 2025 geography");
        }
        return c[0];
    }

    /** The name of a 2025 commune, with its type ("Xã An Phú", "Đặc khu Lý Sơn"). */
    public String newCommuneName(String newCode) {
        String[] c = newCommunes.get(newCode);
        if (c == null) {
            throw new IllegalStateException("commune " + newCode + " is not in the 2025 geography");
        }
        return c[1];
    }

    /**
     * The 2025 communes of an area of old provinces: those that an old commune of the area went into, and, when the
     * area covers every old province of a 2025 province, that province's communes without a predecessor. Sorted.
     */
    public List<String> newCommunesOf(Collection<String> oldProvinceCodes) {
        Set<String> olds = new TreeSet<>(oldProvinceCodes);
        Set<String> out = new TreeSet<>();
        for (OldCommune c : oldCommunes) {
            if (olds.contains(c.provinceCode())) {
                out.addAll(successors(c.code()));
            }
        }
        Set<String> whole = new TreeSet<>();
        for (String p : olds) {
            newProvinceOf(p).ifPresent(n -> {
                boolean all = provinceCrosswalk.entrySet().stream()
                        .filter(e -> e.getValue().equals(n)).allMatch(e -> olds.contains(e.getKey()));
                if (all) {
                    whole.add(n);
                }
            });
        }
        for (Map.Entry<String, String[]> e : newCommunes.entrySet()) {
            if (whole.contains(e.getValue()[0]) && predecessors(e.getKey()).isEmpty()) {
                out.add(e.getKey());
            }
        }
        return List.copyOf(out);
    }

    public Set<String> newCommuneCodes() {
        return Collections.unmodifiableSet(new TreeSet<>(newCommunes.keySet()));
    }

    /** The 2025 communes an old commune went into (one when {@code full}, several when split), sorted. */
    public List<String> successors(String oldCode) {
        return crosswalk.getOrDefault(oldCode, List.of());
    }

    /** The old communes that went (wholly or partly) into a 2025 commune, sorted. */
    public List<String> predecessors(String newCode) {
        return reverse.getOrDefault(newCode, List.of());
    }
}
