package vn.cdht.pipelines.generate;

/**
 * A generated unit and what the generator needs to fill it with members.
 *
 * @param row        its {@code don_vi} row (latest version)
 * @param home       its commune on the 2024 geography
 * @param kind       what sort of unit, which decides its members' citizen group
 * @param abbrev     the issuer suffix of its decision numbers, as in {@code 45/QĐ-UBND}
 * @param members    the scaled headcount (also the row's member_count)
 * @param uptake     the share of members who register
 */
record Unit(UnitRow row, OldCommune home, Kind kind, String abbrev, int members, double uptake) {

    enum Kind {
        PEOPLES_COMMITTEE("UBND xã"), SCHOOL("Trường học"), AGENCY("Cơ quan nhà nước"), ASSOCIATION("Chi hội khuyến học"),
        ENTERPRISE("Doanh nghiệp"), CONTINUING_EDUCATION("Trung tâm GDNN-GDTX");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Members of schools, agencies, People's Committees and centres are officials and workers (group III). */
        boolean officials() {
            return this != ASSOCIATION && this != ENTERPRISE;
        }
    }

    String code() {
        return row.unitCode();
    }
}
