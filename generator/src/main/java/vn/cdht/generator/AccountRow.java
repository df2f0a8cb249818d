package vn.cdht.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A row of {@code tai_khoan} / {@code accounts}, clean. Status: Hoạt động | Đã khóa | Đã xóa. */
public record AccountRow(String accountId, String citizenId, String fullName, LocalDate birthDate, String sex,
                         String phone, Location location, String unitCode, String citizenGroup,
                         LocalDateTime registeredAt, LocalDateTime updatedAt, String status) {

    /** Values in the order of {@code SourceEntity.ACCOUNTS.fields()}. */
    public Object[] values() {
        return new Object[] {accountId, citizenId, fullName, birthDate, sex, phone, location.provinceCode(),
                location.districtCode(), location.communeCode(), unitCode, citizenGroup, registeredAt, updatedAt, status};
    }

    public AccountRow withVersion(LocalDateTime updated, Location where, String newStatus) {
        return new AccountRow(accountId, citizenId, fullName, birthDate, sex, phone, where, unitCode, citizenGroup,
                registeredAt, updated, newStatus);
    }
}
