package vn.cdht.warehouse.migration;

import java.util.Arrays;
import java.util.List;

/** A migration's version as its file name gives it ({@code V2__…}, {@code V2.1__…}), ordered part by part as numbers. */
public record MigrationVersion(List<Integer> parts) implements Comparable<MigrationVersion> {

    public MigrationVersion {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a version has at least one number");
        }
        parts = List.copyOf(parts);
    }

    /** {@code "2"}, {@code "2.1"} or {@code "2_1"}. */
    public static MigrationVersion parse(String text) {
        if (!text.matches("\\d+([._]\\d+)*")) {
            throw new IllegalArgumentException("'" + text + "' is not a version (numbers separated by '.' or '_', e.g. 2 or 2.1)");
        }
        return new MigrationVersion(Arrays.stream(text.split("[._]")).map(Integer::valueOf).toList());
    }

    @Override
    public int compareTo(MigrationVersion o) {
        for (int i = 0; i < Math.max(parts.size(), o.parts.size()); i++) {
            int c = Integer.compare(i < parts.size() ? parts.get(i) : 0, i < o.parts.size() ? o.parts.get(i) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return String.join(".", parts.stream().map(String::valueOf).toList());
    }
}
