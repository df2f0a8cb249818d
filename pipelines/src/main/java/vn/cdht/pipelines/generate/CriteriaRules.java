package vn.cdht.pipelines.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.cdht.warehouse.reference.ReferenceSources;
import vn.cdht.warehouse.reference.SourceTable;

/** The configured criteria sets and achievement rules: which set applies to a year, and its rule per group. */
public final class CriteriaRules {

    private record SetVersion(String setCode, int version, int validFrom, Integer validTo) {
    }

    private final List<SetVersion> sets = new ArrayList<>();
    private final Map<String, AchievementRule> rules = new TreeMap<>(); // setCode|version|group

    CriteriaRules(List<SourceTable> tables) {
        Map<String, List<AchievementRule.Criterion>> criteria = new TreeMap<>();
        Map<String, SetVersion> versions = new TreeMap<>();
        for (SourceTable t : tables) {
            if (t.name().equals("criteria_sets")) {
                for (List<String> r : t.rows()) {
                    Map<String, String> row = row(t, r);
                    SetVersion v = new SetVersion(row.get("set_code"), Integer.parseInt(row.get("set_version")),
                            Integer.parseInt(row.get("valid_from_year")),
                            row.get("valid_to_year") == null ? null : Integer.valueOf(row.get("valid_to_year")));
                    versions.put(v.setCode() + "|" + v.version(), v);
                    criteria.computeIfAbsent(v.setCode() + "|" + v.version() + "|" + row.get("citizen_group"),
                            k -> new ArrayList<>()).add(new AchievementRule.Criterion(
                                    Integer.parseInt(row.get("criterion_no")), new BigDecimal(row.get("max_score")),
                                    new BigDecimal(row.get("pass_mark")), Boolean.parseBoolean(row.get("mandatory"))));
                }
            }
        }
        sets.addAll(versions.values());
        for (SourceTable t : tables) {
            if (t.name().equals("achievement_rules")) {
                for (List<String> r : t.rows()) {
                    Map<String, String> row = row(t, r);
                    String key = row.get("set_code") + "|" + row.get("set_version") + "|" + row.get("citizen_group");
                    List<AchievementRule.Criterion> cs = new ArrayList<>(criteria.getOrDefault(key, List.of()));
                    cs.sort(Comparator.comparingInt(AchievementRule.Criterion::number));
                    rules.put(key, new AchievementRule(row.get("set_code"), row.get("citizen_group"), cs,
                            new BigDecimal(row.get("min_total")), Integer.parseInt(row.get("min_criteria_met")),
                            Boolean.parseBoolean(row.get("all_mandatory_met"))));
                }
            }
        }
    }

    public static CriteriaRules load() {
        return new CriteriaRules(new ReferenceSources(Optional.empty()).readAll());
    }

    private static Map<String, String> row(SourceTable t, List<String> values) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < t.columns().size(); i++) {
            m.put(t.columns().get(i), values.get(i));
        }
        return m;
    }

    /**
     * The rule in force for a year and group: the highest version of the set valid that year (the earliest set before
     * any is valid, the latest after).
     */
    public AchievementRule ruleFor(int year, String citizenGroup) {
        SetVersion chosen = null;
        for (SetVersion v : sets) {
            boolean valid = v.validFrom() <= year && (v.validTo() == null || year <= v.validTo());
            if (valid && (chosen == null || v.validFrom() > chosen.validFrom()
                    || (v.validFrom() == chosen.validFrom() && v.version() > chosen.version()))) {
                chosen = v;
            }
        }
        if (chosen == null) {
            chosen = sets.stream().min(Comparator.comparingInt(SetVersion::validFrom)).orElseThrow(
                    () -> new IllegalStateException("no criteria set is configured"));
        }
        AchievementRule rule = rules.get(chosen.setCode() + "|" + chosen.version() + "|" + citizenGroup);
        if (rule == null || rule.criteria().isEmpty()) {
            throw new IllegalStateException("no achievement rule for " + chosen.setCode() + " group " + citizenGroup);
        }
        return rule;
    }
}
