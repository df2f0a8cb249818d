package vn.cdht.generator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import vn.cdht.warehouse.rules.AchievementRule;
import vn.cdht.warehouse.rules.Criterion;

/**
 * Self-assessment scores: each criterion around a mean that depends on the citizen group (officials higher), the
 * criterion (foreign languages lowest, digital skills low for group I) and the year (slowly improving), plus the
 * person's ability; in half-point steps between 0 and the criterion's maximum.
 */
final class ScoreModel {

    private static final double[] OFFSET = {0.4, 0.2, 0.0, -2.3, 0.1, 0.5, -0.4, -0.2, 0.0, 0.9};

    private ScoreModel() {
    }

    static double mean(String group, int criterion, int year) {
        double base = switch (group) {
            case "III" -> 7.4;
            case "II" -> 6.9;
            default -> 6.3;
        };
        double m = base + OFFSET[(criterion - 1) % OFFSET.length] + 0.15 * Math.max(0, year - 2023);
        if (criterion == 3) {
            m += switch (group) {
                case "I" -> -1.4;
                case "II" -> 0.4;
                default -> -0.2;
            };
        }
        if (criterion == 4 && group.equals("II")) {
            m += 1.0;
        }
        if (criterion == 7 && group.equals("III")) {
            m -= 0.6;
        }
        return m;
    }

    /** Scores for one submission; {@code ability} is the person's standing (about N(0,1)), {@code effort} grows on resubmission. */
    static List<BigDecimal> scores(SplittableRandom r, AchievementRule rule, int year, double ability, double effort) {
        List<BigDecimal> out = new ArrayList<>(rule.criteria().size());
        for (Criterion c : rule.criteria()) {
            double max = c.maxScore().doubleValue();
            double x = mean(rule.citizenGroup(), c.number(), year) * max / 10.0
                    + (ability * 1.1 + effort + Seeds.gaussian(r) * 1.3) * max / 10.0;
            double half = Math.round(Math.max(0, Math.min(max, x)) * 2) / 2.0;
            out.add(BigDecimal.valueOf(half).stripTrailingZeros().setScale(Math.max(0,
                    BigDecimal.valueOf(half).stripTrailingZeros().scale())));
        }
        return out;
    }

    static BigDecimal total(List<BigDecimal> scores) {
        BigDecimal t = BigDecimal.ZERO;
        for (BigDecimal s : scores) {
            t = t.add(s);
        }
        t = t.stripTrailingZeros();
        return t.scale() < 0 ? t.setScale(0) : t;
    }
}
