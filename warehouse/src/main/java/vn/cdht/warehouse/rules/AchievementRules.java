package vn.cdht.warehouse.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.cdht.warehouse.reference.ReferenceSources;
import vn.cdht.warehouse.reference.SourceTable;

/**
 * The configured criteria sets and achievement rules ({@code rules/criteria_sets.csv},
 * {@code rules/achievement_rules.csv}): which set applies to a year, and its rule for each citizen group.
 */
public final class AchievementRules {

    private final List<CriteriaSet> sets;
    private final Map<String, AchievementRule> rules = new TreeMap<>(); // setCode|version|group

    AchievementRules(SourceTable criteriaSets, SourceTable achievementRules) {
        Map<String, List<Criterion>> criteria = new TreeMap<>();
        Map<String, CriteriaSet> versions = new TreeMap<>();
        for (Map<String, String> row : rows(criteriaSets)) {
            CriteriaSet set = new CriteriaSet(row.get("set_code"), Integer.parseInt(row.get("set_version")),
                    Integer.parseInt(row.get("valid_from_year")),
                    row.get("valid_to_year") == null ? null : Integer.valueOf(row.get("valid_to_year")));
            versions.put(set.code() + "|" + set.version(), set);
            criteria.computeIfAbsent(set.code() + "|" + set.version() + "|" + row.get("citizen_group"),
                    k -> new ArrayList<>()).add(new Criterion(Integer.parseInt(row.get("criterion_no")),
                            new BigDecimal(row.get("max_score")), new BigDecimal(row.get("pass_mark")),
                            Boolean.parseBoolean(row.get("mandatory"))));
        }
        sets = List.copyOf(versions.values());
        for (Map<String, String> row : rows(achievementRules)) {
            String key = row.get("set_code") + "|" + row.get("set_version") + "|" + row.get("citizen_group");
            List<Criterion> cs = new ArrayList<>(criteria.getOrDefault(key, List.of()));
            cs.sort(Comparator.comparingInt(Criterion::number));
            rules.put(key, new AchievementRule(row.get("set_code"), row.get("citizen_group"), cs,
                    new BigDecimal(row.get("min_total")), Integer.parseInt(row.get("min_criteria_met")),
                    Boolean.parseBoolean(row.get("all_mandatory_met"))));
        }
    }

    /** The rules of a deployment: its own files in {@code rules.dir}, the bundled ones otherwise. */
    public static AchievementRules read(ReferenceSources sources) {
        return new AchievementRules(sources.rule("criteria_sets"), sources.rule("achievement_rules"));
    }

    /** The rules shipped in {@code rules/}. */
    public static AchievementRules bundled() {
        return read(new ReferenceSources(Optional.empty()));
    }

    private static List<Map<String, String>> rows(SourceTable t) {
        List<Map<String, String>> out = new ArrayList<>(t.rows().size());
        for (List<String> values : t.rows()) {
            Map<String, String> m = new TreeMap<>();
            for (int i = 0; i < t.columns().size(); i++) {
                m.put(t.columns().get(i), values.get(i));
            }
            out.add(m);
        }
        return out;
    }

    /**
     * The rule in force for a year and group: the highest version of the latest set valid that year (the earliest set
     * before any is valid).
     */
    public AchievementRule ruleFor(int year, String citizenGroup) {
        CriteriaSet chosen = null;
        for (CriteriaSet s : sets) {
            if (s.validIn(year) && (chosen == null || s.validFromYear() > chosen.validFromYear()
                    || (s.validFromYear() == chosen.validFromYear() && s.version() > chosen.version()))) {
                chosen = s;
            }
        }
        if (chosen == null) {
            chosen = sets.stream().min(Comparator.comparingInt(CriteriaSet::validFromYear)).orElseThrow(
                    () -> new IllegalStateException("no criteria set is configured"));
        }
        AchievementRule rule = rules.get(chosen.code() + "|" + chosen.version() + "|" + citizenGroup);
        if (rule == null || rule.criteria().isEmpty()) {
            throw new IllegalStateException("no achievement rule for " + chosen.code() + " group " + citizenGroup);
        }
        return rule;
    }
}
