-- The self-assessment that counts for each citizen and year: the latest live submission, by Ngày gửi (submitted_at)
-- then Ngày cập nhật (updated_at). A citizen is their citizen_key; an assessment whose account has not arrived yet
-- (orphan) stands for its account until it does.
WITH live AS (
    SELECT s.*, a.citizen_key,
           coalesce(a.citizen_key, concat('account:', s.account_id)) AS citizen
    FROM core.self_assessments s
    LEFT JOIN core.accounts a ON a.account_id = s.account_id
    WHERE s.status = 'active'
),
ranked AS (
    SELECT l.*,
           row_number() OVER (PARTITION BY year, citizen ORDER BY submitted_at DESC, updated_at DESC, assessment_id DESC) AS latest,
           count(*) OVER (PARTITION BY year, citizen) AS submissions
    FROM live l
)
SELECT year, citizen_key, account_id, assessment_id, submissions, criteria_set, citizen_group,
       score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10,
       total_score, achieved, rule_achieved, submitted_at,
       citizen_key IS NULL AS is_orphan
FROM ranked
WHERE latest = 1
