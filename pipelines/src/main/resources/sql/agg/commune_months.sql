-- What changed in each commune in each month, on both geographies (shares of re-expressed accounts included,
-- approximate): new registrations of active accounts; citizens assessed for the first time that year; the change in
-- citizens whose latest submission is Đạt (a citizen who resubmits and fails counts -1); new recognitions.
-- Assessments and recognitions belong to their programme year: one made after its year counts in its December,
-- one made before in its January. A citizen is counted where the account of their submission that counts is placed.
-- Nothing dated after the data's as-of (int_data_as_of) is counted yet.
-- Stored, and maintained by delta (vn.cdht.pipelines.delta): a batch subtracts what the citizens it touched
-- contributed before and adds what they contribute now, so every measure is a sum (weights as exact decimals, so that
-- the order rows are added in changes nothing) and contributions counts the rows summed: a group whose count falls
-- to 0 is removed. approximate is read as approximate_contributions > 0 (int_commune_month_facts).
-- keys: geography, commune_code, year, month
WITH registrations AS (
    SELECT p.geography, p.commune_code,
           year(coalesce(a.registered_at, a.updated_at)) AS year,
           date_format(coalesce(a.registered_at, a.updated_at), 'yyyy-MM') AS month,
           sum(CAST(p.weight AS DECIMAL(20, 10))) AS new_registrations,
           count(*) AS contributions, count_if(p.approximate) AS approximate_contributions
    FROM core.accounts a
    JOIN int_account_places p ON p.account_id = a.account_id
    CROSS JOIN int_data_as_of d
    WHERE a.status = 'active' AND coalesce(a.registered_at, a.updated_at) <= d.as_of_ts
    GROUP BY 1, 2, 3, 4
),
submissions AS (
    -- distributed by citizen and year once: the month-end states and the months' windows below need no other shuffle
    SELECT /*+ REPARTITION(citizen, year) */ coalesce(a.citizen_key, concat('account:', s.account_id)) AS citizen, s.year,
           CASE WHEN year(s.submitted_at) > s.year THEN concat(s.year, '-12')
                WHEN year(s.submitted_at) < s.year THEN concat(s.year, '-01')
                ELSE date_format(s.submitted_at, 'yyyy-MM') END AS month,
           s.submitted_at, s.updated_at, s.assessment_id, s.account_id, s.achieved
    FROM core.self_assessments s
    LEFT JOIN core.accounts a ON a.account_id = s.account_id
    CROSS JOIN int_data_as_of d
    WHERE s.status = 'active' AND s.submitted_at <= d.as_of_ts
),
month_end_state AS (
    -- each citizen's latest submission within each month they submitted in: whether it is Đạt, and its account
    SELECT citizen, year, month,
           max_by(named_struct('achieved', achieved, 'account_id', account_id),
                  named_struct('submitted_at', submitted_at, 'updated_at', updated_at, 'assessment_id', assessment_id)) AS latest
    FROM submissions
    GROUP BY citizen, year, month
),
citizen_months AS (
    -- the account of the year's latest submission (that of core.yearly_assessments) is the one of the last month:
    -- months follow submission dates
    SELECT citizen, year, month,
           row_number() OVER months_so_far = 1 AS first_month,
           CASE WHEN latest.achieved THEN 1 ELSE 0 END
             - coalesce(lag(CASE WHEN latest.achieved THEN 1 ELSE 0 END) OVER months_so_far, 0) AS achieved_change,
           last_value(latest.account_id) OVER (PARTITION BY citizen, year ORDER BY month
                                               ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS counting_account_id
    FROM month_end_state
    WINDOW months_so_far AS (PARTITION BY citizen, year ORDER BY month)
),
assessments AS (
    SELECT p.geography, p.commune_code, c.year, c.month,
           sum(CASE WHEN c.first_month THEN CAST(p.weight AS DECIMAL(20, 10)) ELSE 0 END) AS new_assessed,
           sum(c.achieved_change * CAST(p.weight AS DECIMAL(20, 10))) AS achieved_change,
           count(*) AS contributions, count_if(p.approximate) AS approximate_contributions
    FROM citizen_months c
    JOIN int_account_places p ON p.account_id = c.counting_account_id
    GROUP BY 1, 2, 3, 4
),
recognitions AS (
    SELECT p.geography, p.commune_code, r.year,
           CASE WHEN year(r.decided_on) > r.year THEN concat(r.year, '-12')
                WHEN year(r.decided_on) < r.year THEN concat(r.year, '-01')
                ELSE date_format(coalesce(r.decided_on, make_date(r.year, 11, 30)), 'yyyy-MM') END AS month,
           sum(CAST(p.weight AS DECIMAL(20, 10))) AS new_recognised,
           count(*) AS contributions, count_if(p.approximate) AS approximate_contributions
    FROM core.recognitions r
    JOIN int_account_places p ON p.account_id = r.account_id
    CROSS JOIN int_data_as_of d
    WHERE r.status = 'active' AND coalesce(r.decided_on, make_date(r.year, 11, 30)) <= d.as_of_date
    GROUP BY 1, 2, 3, 4
),
all_facts AS (
    SELECT geography, commune_code, year, month, new_registrations, 0 AS new_assessed, 0 AS achieved_change,
           0 AS new_recognised, contributions, approximate_contributions FROM registrations
    UNION ALL
    SELECT geography, commune_code, year, month, 0, new_assessed, achieved_change, 0, contributions,
           approximate_contributions FROM assessments
    UNION ALL
    SELECT geography, commune_code, year, month, 0, 0, 0, new_recognised, contributions, approximate_contributions
    FROM recognitions
)
SELECT geography, commune_code, year, month,
       CAST(sum(new_registrations) AS DECIMAL(30, 10)) AS new_registrations,
       CAST(sum(new_assessed) AS DECIMAL(30, 10))      AS new_assessed,
       CAST(sum(achieved_change) AS DECIMAL(30, 10))   AS achieved_change,
       CAST(sum(new_recognised) AS DECIMAL(30, 10))    AS new_recognised,
       sum(contributions)                              AS contributions,
       sum(approximate_contributions)                  AS approximate_contributions
FROM all_facts
GROUP BY geography, commune_code, year, month
