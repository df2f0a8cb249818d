package vn.cdht.generator;

/** Province, district and commune codes of a row; the district is null on the 2025 geography. */
public record Location(String provinceCode, String districtCode, String communeCode) {
}
