-- The accounts with something dated after one as-of and up to the next (view as_of_window): counted at the new as-of
-- and not at the old one, though their rows did not change. The dates are those the as-of conditions of agg/ compare:
-- a registration (registered_at, else updated_at), a submission (submitted_at), a recognition (decided_on, else 30
-- November of its year).
SELECT a.account_id
FROM core.accounts a CROSS JOIN as_of_window w
WHERE coalesce(a.registered_at, a.updated_at) > w.from_ts AND coalesce(a.registered_at, a.updated_at) <= w.to_ts
UNION
SELECT s.account_id
FROM core.self_assessments s CROSS JOIN as_of_window w
WHERE s.submitted_at > w.from_ts AND s.submitted_at <= w.to_ts
UNION
SELECT r.account_id
FROM core.recognitions r CROSS JOIN as_of_window w
WHERE coalesce(r.decided_on, make_date(r.year, 11, 30)) > w.from_date
  AND coalesce(r.decided_on, make_date(r.year, 11, 30)) <= w.to_date
