package vn.cdht.pipelines.generate;

import java.math.BigDecimal;
import java.util.List;

/**
 * A criteria set for one citizen group and the rule that earns the title, as configured in
 * {@code rules/criteria_sets.csv} and {@code rules/achievement_rules.csv}.
 */
public record AchievementRule(String setCode, String citizenGroup, List<Criterion> criteria, BigDecimal minTotal,
                              int minCriteriaMet, boolean allMandatoryMet) {

    public record Criterion(int number, BigDecimal maxScore, BigDecimal passMark, boolean mandatory) {
    }

    public AchievementRule {
        criteria = List.copyOf(criteria);
    }

    /** Whether scores (criterion 1 first) earn the title: mandatory criteria passed, enough criteria, enough total. */
    public boolean achieved(List<BigDecimal> scores) {
        int met = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            BigDecimal s = scores.get(i);
            total = total.add(s);
            boolean pass = s.compareTo(c.passMark()) >= 0;
            if (pass) {
                met++;
            } else if (c.mandatory() && allMandatoryMet) {
                return false;
            }
        }
        return met >= minCriteriaMet && total.compareTo(minTotal) >= 0;
    }
}
