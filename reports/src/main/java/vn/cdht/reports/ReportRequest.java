package vn.cdht.reports;

import java.util.regex.Pattern;

/**
 * What to render.
 *
 * @param scope province code (province, stats-table, commune with {@code all}), district code (stats-table on the
 *              2024 geography), commune code (commune), area code (unit-report), unit code (unit-list, fix-list) or
 *              2025 province code (fix-summary)
 * @param period    the month the figures run to; for the fix-list and fix-summary (as of the latest batch) only the
 *                  name of the rendering (file, register)
 * @param geography {@code 2024} or {@code 2025}, or NULL for the one in force at the end of the period (always 2025
 *                  for the fix-list and fix-summary)
 * @param all every commune of the province {@code scope} (commune bulletins only)
 * @param unitCategory unit-report only: school, state_agency, ... or NULL for every category
 */
public record ReportRequest(ReportKind kind, String scope, Period period, ReportFormat format, String geography,
                            boolean all, String unitCategory) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,16}");
    private static final Pattern CATEGORY = Pattern.compile("[a-z_]{1,32}");

    public ReportRequest {
        if (scope == null || !CODE.matcher(scope).matches()) {
            throw new ReportException("scope '" + scope + "' is not a code: give a province, district, commune or unit"
                    + " code (letters and digits), e.g. --scope 51");
        }
        if (!kind.formats().contains(format)) {
            throw new ReportException(kind.code() + " is rendered as " + kind.formats().stream().map(ReportFormat::code)
                    .reduce((a, b) -> a + " or " + b).orElseThrow() + ", not " + format.code());
        }
        if (geography != null && !geography.equals("2024") && !geography.equals("2025")) {
            throw new ReportException("geography '" + geography + "' is neither 2024 nor 2025");
        }
        if (kind.asOfLatestBatch() && "2024".equals(geography)) {
            throw new ReportException(kind.code() + " is on the 2025 geography (34 provinces, no districts):"
                    + " leave out --geography");
        }
        if (all && kind != ReportKind.COMMUNE) {
            throw new ReportException("--all renders every commune bulletin of a province: use it with --kind commune");
        }
        if (unitCategory != null && (kind != ReportKind.UNIT_REPORT || !CATEGORY.matcher(unitCategory).matches())) {
            throw new ReportException("--unit-category goes with --kind unit-report and is one of school, state_agency,"
                    + " commune_committee, association_branch, enterprise, education_centre, other");
        }
    }

    public String effectiveGeography() {
        if (kind.asOfLatestBatch()) {
            return "2025";
        }
        return geography != null ? geography : period.defaultGeography();
    }

    /** The scope as registered: the unit report's category is part of what it shows. */
    public String registeredScope() {
        return unitCategory == null ? scope : scope + ":" + unitCategory;
    }
}
