-- PostgreSQL: self-assessments changed since the watermark (?), with their scores pivoted to score_1 .. score_10.
-- Times in the session's time zone, which DatabaseIngestion sets to Vietnam time.
SELECT a.assessment_id, a.account_id, a.year::text AS year, a.criteria_set, a.citizen_group,
       max(s.score) FILTER (WHERE s.criterion_no = 1)::text  AS score_1,
       max(s.score) FILTER (WHERE s.criterion_no = 2)::text  AS score_2,
       max(s.score) FILTER (WHERE s.criterion_no = 3)::text  AS score_3,
       max(s.score) FILTER (WHERE s.criterion_no = 4)::text  AS score_4,
       max(s.score) FILTER (WHERE s.criterion_no = 5)::text  AS score_5,
       max(s.score) FILTER (WHERE s.criterion_no = 6)::text  AS score_6,
       max(s.score) FILTER (WHERE s.criterion_no = 7)::text  AS score_7,
       max(s.score) FILTER (WHERE s.criterion_no = 8)::text  AS score_8,
       max(s.score) FILTER (WHERE s.criterion_no = 9)::text  AS score_9,
       max(s.score) FILTER (WHERE s.criterion_no = 10)::text AS score_10,
       a.total_score::text AS total_score,
       a.result,
       to_char(a.submitted_at, 'YYYY-MM-DD"T"HH24:MI:SS') AS submitted_at,
       to_char(a.updated_at, 'YYYY-MM-DD"T"HH24:MI:SS') AS updated_at,
       a.status,
       a.updated_at AS watermark
FROM self_assessments a
LEFT JOIN assessment_scores s ON s.assessment_id = a.assessment_id
WHERE a.updated_at > ?
GROUP BY a.assessment_id
ORDER BY a.updated_at
