-- PostgreSQL: units changed since the watermark (?), as text in the export's forms.
-- Times in the session's time zone, which DatabaseIngestion sets to Vietnam time.
SELECT unit_code, unit_name, unit_type, province_code, district_code, commune_code,
       member_count::text AS member_count,
       to_char(updated_at, 'YYYY-MM-DD"T"HH24:MI:SS') AS updated_at,
       status,
       updated_at AS watermark
FROM units
WHERE updated_at > ?
ORDER BY updated_at
