package vn.cdht.bench;

import java.util.List;
import java.util.Locale;

/**
 * The data sets of the benchmark. Account counts are what {@code cdht generate} makes for the slices (fixed seed);
 * units are not scaled, so small scales have more accounts than the factor suggests.
 */
public enum BenchScale {
    /** A smoke size for the harness itself: about 5,000 accounts. */
    XS("about 5 thousand accounts: old Kon Tum (62) at 3% uptake", 3, List.of(new Slice("old:62", 0.03))),
    /** About 100 thousand accounts: one small old province (Kon Tum) at low uptake. */
    S("about 100 thousand accounts: one small old province, Kon Tum (62)", 3, List.of(new Slice("old:62", 0.66))),
    /** About 2 million accounts over 2023-2026: Hồ Chí Minh City as merged on 1 July 2025 (old 74, 77, 79). */
    M("about 2 million accounts: a large merged province, Hồ Chí Minh City (79 = old 74, 77, 79)", 2,
            List.of(new Slice("79", 2.0))),
    /** About 8 million accounts: several provinces. */
    L("about 8 million accounts: Hồ Chí Minh City, Hà Nội and Đồng Nai", 1,
            List.of(new Slice("79", 2.0), new Slice("01", 4.4), new Slice("75", 4.4)));

    private final String description;
    private final int defaultRepeat;
    private final List<Slice> slices;

    BenchScale(String description, int defaultRepeat, List<Slice> slices) {
        this.description = description;
        this.defaultRepeat = defaultRepeat;
        this.slices = slices;
    }

    public String description() {
        return description;
    }

    /** How many times each measurement is repeated unless {@code --repeat} says otherwise. */
    public int defaultRepeat() {
        return defaultRepeat;
    }

    public List<Slice> slices() {
        return slices;
    }

    public static BenchScale of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scale '" + name + "': use XS, S, M or L");
        }
    }
}
