-- Communes (2025 geography) below the Learning Community threshold (target TT25-COMMUNE-60, as mart.coverage
-- judges it: reaches_threshold) in the latest year with data, at its reported month. Communes without data are not
-- listed (they are not judged).
CREATE VIEW main.xa_duoi_60 AS
SELECT c.year                                AS "Năm",
       c.as_of_month                         AS "Tháng",
       c.province_name                       AS "Tỉnh/Thành phố",
       c.commune_code                        AS "Mã xã",
       c.commune_name                        AS "Xã/Phường",
       c.eligible_printed                    AS "Số người trong độ tuổi",
       c.achieved_printed                    AS "Tự đánh giá đạt",
       round(100 * c.achieved_rate, 1)       AS "Tỷ lệ tự đánh giá đạt (%)",
       round(100 * t.gap, 1)                 AS "Còn thiếu (điểm %)",
       c.approximate                         AS "Số liệu ước tính"
FROM mart.coverage c
JOIN mart.targets t ON t.level = 'commune' AND t.commune_code = c.commune_code AND t.target_code = 'TT25-COMMUNE-60'
WHERE c.geography = '2025' AND c.level = 'commune' AND c.is_reported_month
  AND c.year = (SELECT max(year) FROM mart.coverage WHERE geography = '2025' AND level = 'commune')
  AND NOT c.reaches_threshold
ORDER BY c.achieved_rate, c.province_name, c.commune_name COLLATE vi;
