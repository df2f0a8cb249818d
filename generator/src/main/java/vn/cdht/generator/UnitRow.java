package vn.cdht.generator;

import java.time.LocalDateTime;

/** A row of {@code don_vi} / {@code units}, clean. Status as written in files: Hoạt động | Đã xóa. */
public record UnitRow(String unitCode, String unitName, String unitType, Location location, int memberCount,
                      LocalDateTime updatedAt, String status) {

    /** Values in the order of {@code SourceEntity.UNITS.fields()}. */
    public Object[] values() {
        return new Object[] {unitCode, unitName, unitType, location.provinceCode(), location.districtCode(),
                location.communeCode(), memberCount, updatedAt, status};
    }
}
