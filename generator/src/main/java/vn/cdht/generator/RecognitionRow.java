package vn.cdht.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A row of {@code cong_nhan} / {@code recognitions}, clean. */
public record RecognitionRow(String accountId, int year, String decisionNo, LocalDate decidedOn, String unitCode,
                             LocalDateTime updatedAt, String status) {

    public Object[] values() {
        return new Object[] {accountId, year, decisionNo, decidedOn, unitCode, updatedAt, status};
    }
}
