-- Monthly trend per geography, level and area: what each month added (new registrations; citizens assessed for the
-- first time that year; the net change in citizens achieving the title) and the running totals, from mart.coverage.
SELECT geography, level, province_code, province_name, district_code, district_name, commune_code, commune_name,
       as_of_month AS month, year,
       CAST(registered - coalesce(lag(registered) OVER area_all, 0) AS DECIMAL(18, 4)) AS new_registrations,
       registered AS cumulative_registrations,
       CAST(assessed - coalesce(lag(assessed) OVER area_year, 0) AS DECIMAL(18, 4))   AS new_assessed,
       assessed AS cumulative_assessed,
       CAST(achieved - coalesce(lag(achieved) OVER area_year, 0) AS DECIMAL(18, 4))   AS new_achieved,
       achieved AS cumulative_achieved,
       approximate
FROM mart.coverage
WINDOW area_all AS (PARTITION BY geography, level, province_code, district_code, commune_code ORDER BY as_of_month),
       area_year AS (PARTITION BY geography, level, province_code, district_code, commune_code, year ORDER BY as_of_month)
