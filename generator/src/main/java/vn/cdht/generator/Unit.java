package vn.cdht.generator;

import java.time.LocalDateTime;

/**
 * A generated unit and what the generator needs to fill it with members.
 *
 * @param row        its {@code don_vi} row (latest version)
 * @param home       its commune on the 2024 geography; for the People's Committee of a 2025 commune, the old commune
 *                   that was its seat; null for a 2025 commune that had no predecessor
 * @param newCommune for the People's Committee of a 2025 commune, that commune's code; otherwise null
 * @param kind       what sort of unit, which decides its members' citizen group
 * @param abbrev     the issuer suffix of its decision numbers, as in {@code 45/QĐ-UBND}
 * @param members    the headcount (also the row's member_count); never fewer than the accounts made for it
 * @param uptake     the share of members who register
 * @param since      the earliest moment a member registers with it
 */
record Unit(UnitRow row, OldCommune home, String newCommune, Kind kind, String abbrev, int members, double uptake,
            LocalDateTime since) {

    /** The same unit, with fewer of its members registering when {@code most} is below its uptake. */
    Unit withUptakeAtMost(double most) {
        return most >= uptake ? this : new Unit(row, home, newCommune, kind, abbrev, members, Math.max(0, most), since);
    }

    enum Kind {
        PEOPLES_COMMITTEE("UBND xã"), SCHOOL("Trường học"), AGENCY("Cơ quan nhà nước"), ASSOCIATION("Chi hội khuyến học"),
        ENTERPRISE("Doanh nghiệp"), CONTINUING_EDUCATION("Trung tâm GDNN-GDTX");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Schools, agencies, People's Committees and centres: public-sector officials and employees. */
        boolean officials() {
            return this != ASSOCIATION && this != ENTERPRISE;
        }

        /**
         * Members of every kind but the association branches are officials, civil servants, public employees or
         * workers (group III); the branches gather everybody else (groups I and II).
         */
        boolean groupThree() {
            return this != ASSOCIATION;
        }
    }

    Unit {
        if (home == null && newCommune == null) {
            throw new IllegalArgumentException("a unit needs a commune");
        }
    }

    String code() {
        return row.unitCode();
    }

    /** The commune code that numbers its members' accounts. */
    String placeCode() {
        return home != null ? home.code() : newCommune;
    }

    /** Where the unit (and the address of its members) is on the geography in force at {@code t}. */
    Location at(Locator locator, LocalDateTime t) {
        if (newCommune != null && (home == null || Locator.newGeographyAt(t))) {
            return new Location(locator.geography().newCommuneProvince(newCommune), null, newCommune);
        }
        return locator.at(home, t);
    }
}
