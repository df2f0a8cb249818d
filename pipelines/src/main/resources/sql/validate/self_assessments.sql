-- Self-assessments of one batch (view batch_rows: its raw rows as text), typed and checked.
-- Scores must lie between 0 and the criterion's maximum (ref.criteria_sets) and add up to the total. The source's
-- result (Kết quả) counts; the configured rule (ref.achievement_rules) re-checks it: a disagreement is the flag
-- RULE_MISMATCH, not a rejection. An assessment whose account is not known yet is kept with the flag ORPHAN.
-- The ten scores are checked on the assessment's own row, with array expressions: each score beside its criterion
-- (criteria, one small row per criteria set and group, broadcast), then counted (filter, size) and added (aggregate).
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
criteria AS (
    -- Criteria 1 to 10 of each criteria set and group, in order; NULL where the set has no such criterion.
    -- ref.criteria_sets holds one row per (set_code, citizen_group, criterion_no): a second one would stop the load
    -- here (DUPLICATED_MAP_KEY) instead of counting a score twice.
    SELECT set_code, citizen_group,
           transform(sequence(1, 10), n -> try_element_at(by_no, n)) AS criteria
    FROM (SELECT set_code, citizen_group,
                 map_from_entries(collect_list(struct(criterion_no, struct(max_score, pass_mark, mandatory)))) AS by_no
          FROM ref.criteria_sets
          WHERE criterion_no BETWEEN 1 AND 10
          GROUP BY set_code, citizen_group) c
),
checked AS (
    -- Score i as written and as a number, beside criterion i (its fields NULL, known false, when the set and group
    -- have no criterion i, or are not known).
    SELECT /*+ BROADCAST(c) */ w.*,
           zip_with(zip_with(array(w.score_1, w.score_2, w.score_3, w.score_4, w.score_5,
                                   w.score_6, w.score_7, w.score_8, w.score_9, w.score_10),
                             array(w.s1, w.s2, w.s3, w.s4, w.s5, w.s6, w.s7, w.s8, w.s9, w.s10),
                             (t, v) -> named_struct('text', t, 'score', v)),
                    coalesce(c.criteria, array()),
                    (s, k) -> named_struct('text', s.text, 'score', s.score, 'max_score', k.max_score,
                                           'pass_mark', k.pass_mark, 'mandatory', k.mandatory,
                                           'known', k IS NOT NULL)) AS checks
    FROM with_set w
    LEFT JOIN criteria c ON c.set_code = w.set_v AND c.citizen_group = w.group_v
),
scored AS (
    SELECT k.*,
           size(filter(k.checks, x -> x.text IS NOT NULL AND x.score IS NULL))                  AS unparseable_scores,
           size(filter(k.checks, x -> x.score < 0 OR x.score > coalesce(x.max_score, 10)))      AS scores_out_of_range,
           size(filter(k.checks, x -> x.score IS NOT NULL))                                     AS scores_given,
           -- as sum() would: NULL when no score is given, DECIMAL(22, 2)
           aggregate(k.checks, CAST(NULL AS DECIMAL(22, 2)),
                     (acc, x) -> CAST(coalesce(acc + x.score, acc, x.score) AS DECIMAL(22, 2)))   AS score_sum,
           size(filter(k.checks, x -> x.score >= x.pass_mark))                                  AS criteria_met,
           size(filter(k.checks, x -> x.mandatory AND (x.score IS NULL OR x.score < x.pass_mark))) AS mandatory_failed,
           size(filter(k.checks, x -> x.known))                                                 AS criteria_known
    FROM checked k
),
judged AS (
    SELECT w.*,
           CASE WHEN ar.set_code IS NULL OR w.criteria_known < 10 THEN NULL
                ELSE (NOT ar.all_mandatory_met OR w.mandatory_failed = 0)
                     AND w.criteria_met >= ar.min_criteria_met
                     AND coalesce(w.total_v, w.score_sum) >= ar.min_total END AS rule_achieved_v,
           a.account_id AS known_account
    FROM scored w
    LEFT JOIN ref.achievement_rules ar ON ar.set_code = w.set_v AND ar.citizen_group = w.group_v
    -- the accounts of this batch's rows only (a semi-join): the LEFT JOIN then shuffles those, not all of core
    LEFT JOIN (SELECT account_id FROM core.accounts WHERE account_id IN (SELECT account_id FROM scored)) a
           ON a.account_id = w.account_id
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
