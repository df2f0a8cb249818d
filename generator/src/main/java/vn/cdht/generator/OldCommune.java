package vn.cdht.generator;

/** A commune of the 2024 geography (before 1 July 2025), with its district and province. */
public record OldCommune(String provinceCode, String provinceName, String districtCode, String districtName,
                         String code, String name, String type) {

    public boolean urban() {
        return "Phường".equals(type);
    }

    /** The name without its type prefix ("Xã An Hòa" → "An Hòa"). */
    public String shortName() {
        return type != null && name.startsWith(type + " ") ? name.substring(type.length() + 1) : name;
    }
}
