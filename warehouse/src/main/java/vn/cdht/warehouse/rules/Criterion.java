package vn.cdht.warehouse.rules;

import java.math.BigDecimal;

/** One criterion of a criteria set for a citizen group: its number (1 to 10), maximum score and pass mark. */
public record Criterion(int number, BigDecimal maxScore, BigDecimal passMark, boolean mandatory) {

    public boolean passedBy(BigDecimal score) {
        return score.compareTo(passMark) >= 0;
    }
}
