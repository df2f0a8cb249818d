-- PostgreSQL: recognitions changed since the watermark (?), as text in the export's forms.
-- Times in the session's time zone, which DatabaseIngestion sets to Vietnam time.
SELECT account_id, year::text AS year, decision_no,
       to_char(decided_on, 'YYYY-MM-DD') AS decided_on,
       unit_code,
       to_char(updated_at, 'YYYY-MM-DD"T"HH24:MI:SS') AS updated_at,
       status,
       updated_at AS watermark
FROM recognitions
WHERE updated_at > ?
ORDER BY updated_at
