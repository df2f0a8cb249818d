-- What changed in each commune in each month, on both geographies: agg.commune_months (its SQL says how each
-- figure is counted) as the marts read it, in doubles, approximate when any share of it came from a re-expressed
-- account.
SELECT geography, commune_code, year, month,
       CAST(new_registrations AS DOUBLE) AS new_registrations,
       CAST(new_assessed AS DOUBLE)      AS new_assessed,
       CAST(achieved_change AS DOUBLE)   AS achieved_change,
       CAST(new_recognised AS DOUBLE)    AS new_recognised,
       approximate_contributions > 0     AS approximate
FROM agg.commune_months
