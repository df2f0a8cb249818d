-- Where each account counts on each geography, and for what share. An account known on one geography only is
-- re-expressed on the other through ref.allocation_weights (a split old commune, a merged new one): one row per
-- receiving commune, its weight the share, approximate = true.
SELECT account_id, '2025' AS geography, commune_code_2025 AS commune_code, 1.0D AS weight, false AS approximate
FROM core.accounts
WHERE commune_code_2025 IS NOT NULL
UNION ALL
SELECT a.account_id, '2025', w.to_commune_code, w.weight, true
FROM core.accounts a
JOIN ref.allocation_weights w ON w.direction = 'old_to_new' AND w.from_commune_code = a.commune_code_2024
WHERE a.commune_code_2025 IS NULL
UNION ALL
SELECT account_id, '2024', commune_code_2024, 1.0D, false
FROM core.accounts
WHERE commune_code_2024 IS NOT NULL
UNION ALL
SELECT a.account_id, '2024', w.to_commune_code, w.weight, true
FROM core.accounts a
JOIN ref.allocation_weights w ON w.direction = 'new_to_old' AND w.from_commune_code = a.commune_code_2025
WHERE a.commune_code_2024 IS NULL
