package vn.cdht.generator;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** A row of {@code phieu_danh_gia} / {@code self_assessments} with its ten scores, clean. */
public record AssessmentRow(String assessmentId, String accountId, int year, String criteriaSet, String citizenGroup,
                            List<BigDecimal> scores, BigDecimal totalScore, String result, LocalDateTime submittedAt,
                            LocalDateTime updatedAt, String status) {

    public AssessmentRow {
        scores = List.copyOf(scores);
    }

    /** Values in the order of {@code SourceEntity.SELF_ASSESSMENTS.fields()}. */
    public Object[] values() {
        Object[] v = new Object[5 + scores.size() + 5];
        v[0] = assessmentId;
        v[1] = accountId;
        v[2] = year;
        v[3] = criteriaSet;
        v[4] = citizenGroup;
        for (int i = 0; i < scores.size(); i++) {
            v[5 + i] = scores.get(i);
        }
        int k = 5 + scores.size();
        v[k] = totalScore;
        v[k + 1] = result;
        v[k + 2] = submittedAt;
        v[k + 3] = updatedAt;
        v[k + 4] = status;
        return v;
    }
}
