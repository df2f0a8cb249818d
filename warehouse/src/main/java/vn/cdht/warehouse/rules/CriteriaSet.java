package vn.cdht.warehouse.rules;

/**
 * One version of a criteria set and the years it applies to, as configured in {@code rules/criteria_sets.csv}.
 *
 * @param validToYear the last year it applies to; null while it is in force
 */
public record CriteriaSet(String code, int version, int validFromYear, Integer validToYear) {

    public boolean validIn(int year) {
        return validFromYear <= year && (validToYear == null || year <= validToYear);
    }
}
