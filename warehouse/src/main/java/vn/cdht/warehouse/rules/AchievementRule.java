package vn.cdht.warehouse.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * The criteria of a criteria set for one citizen group, in order, and what earns the title under it, as configured in
 * {@code rules/criteria_sets.csv} and {@code rules/achievement_rules.csv}.
 */
public record AchievementRule(String setCode, String citizenGroup, List<Criterion> criteria, BigDecimal minTotal,
                              int minCriteriaMet, boolean allMandatoryMet) {

    public AchievementRule {
        criteria = List.copyOf(criteria);
    }

    /**
     * Whether a score for every criterion (criterion 1 first) earns the title: no mandatory criterion below its pass
     * mark (when the rule asks for it), enough criteria at or above their pass mark, and a total of at least the
     * least total. The pipeline judges a self-assessment with the same rule in {@code sql/validate/self_assessments.sql}
     * ({@code judged.rule_achieved_v}); a test of the pipelines module holds the two to the same verdicts.
     */
    public boolean achieved(List<BigDecimal> scores) {
        int met = 0;
        boolean mandatoryFailed = false;
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            BigDecimal score = scores.get(i);
            total = total.add(score);
            if (c.passedBy(score)) {
                met++;
            } else if (c.mandatory()) {
                mandatoryFailed = true;
            }
        }
        return (!allMandatoryMet || !mandatoryFailed) && met >= minCriteriaMet && total.compareTo(minTotal) >= 0;
    }
}
