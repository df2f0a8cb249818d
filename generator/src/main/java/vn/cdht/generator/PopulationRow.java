package vn.cdht.generator;

/** A row of {@code dan_so}: the eligible population of a commune in a year (old codes ≤ 2024, new codes ≥ 2025). */
public record PopulationRow(int year, String communeCode, long eligible) {

    public Object[] values() {
        return new Object[] {year, communeCode, eligible};
    }
}
