-- Communes (2025 geography) below the 60% Learning Community threshold in the latest year with data.
CREATE VIEW main.xa_duoi_60 AS
SELECT year                                  AS "Năm",
       as_of_month                           AS "Tháng",
       province_name                         AS "Tỉnh/Thành phố",
       commune_code                          AS "Mã xã",
       commune_name                          AS "Xã/Phường",
       CAST(round(eligible) AS BIGINT)        AS "Số người trong độ tuổi",
       CAST(round(achieved) AS BIGINT)        AS "Đạt",
       round(100 * achieved_rate, 1)         AS "Tỷ lệ đạt (%)",
       round(100 * (0.6 - achieved_rate), 1) AS "Còn thiếu (điểm %)",
       approximate                           AS "Số liệu ước tính"
FROM mart.coverage
WHERE geography = '2025' AND level = 'commune' AND is_latest_month
  AND year = (SELECT max(year) FROM mart.coverage WHERE geography = '2025' AND level = 'commune')
  AND coalesce(achieved_rate, 0) < 0.6
ORDER BY achieved_rate NULLS FIRST, province_name, commune_name;
