-- REFERENCE ONLY, for SelfAssessmentValidationEquivalenceTest: sql/validate/self_assessments.sql as it was before
-- the scores were checked with array expressions (stack into 10 rows, join, GROUP BY, join back). Not a model.
-- Self-assessments of one batch (view batch_rows: its raw rows as text), typed and checked.
-- Scores must lie between 0 and the criterion's maximum (ref.criteria_sets) and add up to the total. The source's
-- result (Kết quả) counts; the configured rule (ref.achievement_rules) re-checks it: a disagreement is the flag
-- RULE_MISMATCH, not a rejection. An assessment whose account is not known yet is kept with the flag ORPHAN.
WITH typed AS (
    SELECT r.*,
           cdht_int(r.year)               AS year_v,
           cdht_group(r.citizen_group)    AS group_v,
           cdht_decimal(r.total_score)    AS total_v,
           cdht_result(r.result)          AS result_v,
           cdht_ts(r.submitted_at)        AS submitted_at_v,
           cdht_ts(r.updated_at)          AS updated_at_v,
           cdht_status(r.status)          AS status_v,
           cdht_decimal(r.score_1) AS s1, cdht_decimal(r.score_2) AS s2, cdht_decimal(r.score_3) AS s3,
           cdht_decimal(r.score_4) AS s4, cdht_decimal(r.score_5) AS s5, cdht_decimal(r.score_6) AS s6,
           cdht_decimal(r.score_7) AS s7, cdht_decimal(r.score_8) AS s8, cdht_decimal(r.score_9) AS s9,
           cdht_decimal(r.score_10) AS s10
    FROM batch_rows r
),
with_set AS (
    -- The criteria set as written, or else the one in force that year.
    SELECT t.*,
           coalesce(cdht_set_code(t.criteria_set), y.set_code) AS set_v
    FROM typed t
    LEFT JOIN (SELECT DISTINCT set_code, valid_from_year, valid_to_year FROM ref.criteria_sets) y
           ON t.criteria_set IS NULL AND t.year_v BETWEEN y.valid_from_year AND coalesce(y.valid_to_year, 9999)
),
scores AS (
    SELECT w.file_name, w.row_number, w.set_v, w.group_v, s.criterion_no, s.score_text, s.score
    FROM with_set w
    LATERAL VIEW stack(10, 1, w.score_1, w.s1, 2, w.score_2, w.s2, 3, w.score_3, w.s3, 4, w.score_4, w.s4,
                           5, w.score_5, w.s5, 6, w.score_6, w.s6, 7, w.score_7, w.s7, 8, w.score_8, w.s8,
                           9, w.score_9, w.s9, 10, w.score_10, w.s10) s AS criterion_no, score_text, score
),
scored AS (
    SELECT s.file_name, s.row_number,
           count_if(s.score_text IS NOT NULL AND s.score IS NULL)                  AS unparseable_scores,
           count_if(s.score < 0 OR s.score > coalesce(c.max_score, 10))            AS scores_out_of_range,
           count(s.score)                                                         AS scores_given,
           sum(s.score)                                                           AS score_sum,
           count_if(s.score >= c.pass_mark)                                       AS criteria_met,
           count_if(c.mandatory AND (s.score IS NULL OR s.score < c.pass_mark))    AS mandatory_failed,
           count(c.criterion_no)                                                  AS criteria_known
    FROM scores s
    LEFT JOIN ref.criteria_sets c
           ON c.set_code = s.set_v AND c.citizen_group = s.group_v AND c.criterion_no = s.criterion_no
    GROUP BY s.file_name, s.row_number
),
judged AS (
    SELECT w.*, sc.unparseable_scores, sc.scores_out_of_range, sc.scores_given, sc.score_sum, sc.criteria_met,
           CASE WHEN ar.set_code IS NULL OR sc.criteria_known < 10 THEN NULL
                ELSE (NOT ar.all_mandatory_met OR sc.mandatory_failed = 0)
                     AND sc.criteria_met >= ar.min_criteria_met
                     AND coalesce(w.total_v, sc.score_sum) >= ar.min_total END AS rule_achieved_v,
           a.account_id AS known_account
    FROM with_set w
    JOIN scored sc ON sc.file_name = w.file_name AND sc.row_number = w.row_number
    LEFT JOIN ref.achievement_rules ar ON ar.set_code = w.set_v AND ar.citizen_group = w.group_v
    LEFT JOIN core.accounts a ON a.account_id = w.account_id
)
SELECT batch_id, file_name, row_number,
       assessment_id,
       account_id,
       CAST(year_v AS INT) AS year,
       set_v AS criteria_set,
       group_v AS citizen_group,
       s1 AS score_1, s2 AS score_2, s3 AS score_3, s4 AS score_4, s5 AS score_5,
       s6 AS score_6, s7 AS score_7, s8 AS score_8, s9 AS score_9, s10 AS score_10,
       coalesce(total_v, score_sum) AS total_score,
       CASE result_v WHEN 'achieved' THEN true WHEN 'not_achieved' THEN false END AS achieved,
       rule_achieved_v AS rule_achieved,
       CAST(criteria_met AS INT) AS criteria_met,
       submitted_at_v AS submitted_at,
       updated_at_v AS updated_at,
       status_v AS status,
       filter(array(
           CASE WHEN copy_no > 1 THEN 'DUPLICATE_ROW' END,
           CASE WHEN assessment_id IS NULL THEN 'MISSING_REQUIRED:assessment_id' END,
           CASE WHEN account_id IS NULL THEN 'MISSING_REQUIRED:account_id' END,
           CASE WHEN year IS NULL THEN 'MISSING_REQUIRED:year' END,
           CASE WHEN submitted_at IS NULL THEN 'MISSING_REQUIRED:submitted_at' END,
           CASE WHEN updated_at IS NULL THEN 'MISSING_REQUIRED:updated_at' END,
           CASE WHEN year IS NOT NULL AND (year_v IS NULL OR year_v NOT BETWEEN 2000 AND 2100) THEN 'BAD_NUMBER:year' END,
           CASE WHEN submitted_at IS NOT NULL AND submitted_at_v IS NULL THEN 'BAD_DATE:submitted_at' END,
           CASE WHEN updated_at IS NOT NULL AND updated_at_v IS NULL THEN 'BAD_DATE:updated_at' END,
           CASE WHEN unparseable_scores > 0 THEN 'BAD_NUMBER:score' END,
           CASE WHEN total_score IS NOT NULL AND total_v IS NULL THEN 'BAD_NUMBER:total_score' END,
           CASE WHEN scores_out_of_range > 0 THEN 'SCORE_OUT_OF_RANGE' END,
           CASE WHEN total_v IS NOT NULL AND score_sum IS NOT NULL AND abs(total_v - score_sum) > 0.01 THEN 'TOTAL_NOT_SUM' END,
           CASE WHEN result_v = 'invalid' THEN 'BAD_VALUE:result' END,
           CASE WHEN group_v = 'invalid' THEN 'BAD_VALUE:citizen_group' END,
           CASE WHEN status_v = 'invalid' THEN 'BAD_VALUE:status' END
       ), x -> x IS NOT NULL) AS reasons,
       filter(array(
           CASE WHEN known_account IS NULL THEN 'ORPHAN' END,
           CASE WHEN rule_achieved_v IS NOT NULL AND result_v IN ('achieved', 'not_achieved')
                     AND rule_achieved_v <> (result_v = 'achieved') THEN 'RULE_MISMATCH' END,
           CASE WHEN rule_achieved_v IS NULL THEN 'RULE_NOT_CHECKED' END,
           CASE WHEN scores_given = 0 THEN 'NO_SCORES' END,
           CASE WHEN submitted_at_v > received_at OR updated_at_v > received_at THEN 'FUTURE_DATED' END
       ), x -> x IS NOT NULL) AS flags
FROM judged
