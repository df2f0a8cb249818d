package vn.cdht.generator;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Where a place of the 2024 geography is on the geography in force at a moment. A split ({@code partial}) old commune
 * is placed in one of its receiving communes, chosen once per old commune from the seed.
 */
public final class Locator {

    private final Geography geography;
    private final long seed;

    public Locator(Geography geography, long seed) {
        this.geography = geography;
        this.seed = seed;
    }

    public Geography geography() {
        return geography;
    }

    public static boolean newGeographyAt(LocalDateTime t) {
        return !t.isBefore(Geography.SWITCH);
    }

    public Location at(OldCommune c, LocalDateTime t) {
        if (!newGeographyAt(t)) {
            return new Location(c.provinceCode(), c.districtCode(), c.code());
        }
        String target = successor(c);
        return new Location(geography.newCommuneProvince(target), null, target);
    }

    /** The 2025 commune that rows of this old commune move to. */
    public String successor(OldCommune c) {
        List<String> targets = geography.successors(c.code());
        if (targets.isEmpty()) {
            throw new IllegalStateException("old commune " + c.code() + " has no row in the commune crosswalk");
        }
        return targets.get((int) Math.floorMod(Seeds.hash(seed, "successor", c.code()), (long) targets.size()));
    }

    /**
     * A code of the other geography than a row's date implies, for the same place: the old code for a row on the
     * 2025 geography (one that is not also a 2025 code), the 2025 code for a row on the 2024 geography.
     */
    public Optional<String> otherGeographyCode(String communeCode, boolean rowOnNewGeography) {
        if (rowOnNewGeography) {
            return geography.predecessors(communeCode).stream().filter(o -> !geography.isNewCommune(o)).findFirst();
        }
        return geography.successors(communeCode).stream().filter(n -> !n.equals(communeCode)).findFirst();
    }
}
