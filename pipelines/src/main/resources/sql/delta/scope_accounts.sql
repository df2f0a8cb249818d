-- The accounts whose citizen-level rows may differ between two states of core (vn.cdht.pipelines.delta): every
-- account a change names (view changed: core.changes rows, the old and the new version of each key), every account
-- with something dated between the two as-ofs (view dated, dated_between.sql), and every other account of the same
-- citizens, by their citizen_key before and after. A citizen's rows are then always computed from all their accounts:
-- an account outside this set belongs to a citizen none of whose accounts changed.
WITH touched AS (
    SELECT account_id FROM changed WHERE account_id IS NOT NULL
    UNION
    SELECT account_id FROM dated
),
citizens AS (
    SELECT citizen_key FROM changed WHERE citizen_key IS NOT NULL
    UNION
    SELECT /*+ BROADCAST(t) */ a.citizen_key
    FROM core.accounts a LEFT SEMI JOIN touched t ON t.account_id = a.account_id
    WHERE a.citizen_key IS NOT NULL
)
SELECT account_id FROM touched
UNION
SELECT /*+ BROADCAST(c) */ a.account_id
FROM core.accounts a LEFT SEMI JOIN citizens c ON c.citizen_key = a.citizen_key
