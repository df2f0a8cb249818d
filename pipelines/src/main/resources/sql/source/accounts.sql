-- PostgreSQL: accounts changed since the watermark (?), as text in the export's forms.
-- Times in the session's time zone, which DatabaseIngestion sets to Vietnam time.
SELECT account_id, citizen_id, full_name,
       to_char(birth_date, 'YYYY-MM-DD') AS birth_date,
       sex, phone, province_code, district_code, commune_code, unit_code, citizen_group,
       to_char(registered_at, 'YYYY-MM-DD"T"HH24:MI:SS') AS registered_at,
       to_char(updated_at, 'YYYY-MM-DD"T"HH24:MI:SS') AS updated_at,
       status,
       updated_at AS watermark
FROM accounts
WHERE updated_at > ?
ORDER BY updated_at
