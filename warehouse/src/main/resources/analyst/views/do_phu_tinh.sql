-- Coverage by province on both geographies (2024: 63 provinces; 2025: 34), each year's latest month.
-- Counts are shown as whole numbers; where "Số liệu ước tính" is true they include allocated shares (mart.coverage keeps the decimals).
CREATE VIEW main.do_phu_tinh AS
SELECT geography                             AS "Địa giới",
       year                                  AS "Năm",
       as_of_month                           AS "Tháng",
       province_code                         AS "Mã tỉnh",
       province_name                         AS "Tỉnh/Thành phố",
       CAST(round(eligible) AS BIGINT)        AS "Số người trong độ tuổi",
       CAST(round(registered) AS BIGINT)      AS "Đã đăng ký",
       CAST(round(assessed) AS BIGINT)        AS "Đã tự đánh giá",
       CAST(round(achieved) AS BIGINT)        AS "Đạt",
       CAST(round(recognised) AS BIGINT)      AS "Được công nhận",
       round(100 * registered_rate, 1)       AS "Tỷ lệ đăng ký (%)",
       round(100 * assessed_rate, 1)         AS "Tỷ lệ tự đánh giá (%)",
       round(100 * achieved_rate, 1)         AS "Tỷ lệ đạt (%)",
       round(100 * recognised_rate, 1)       AS "Tỷ lệ công nhận (%)",
       approximate                           AS "Số liệu ước tính"
FROM mart.coverage
WHERE level = 'province' AND is_latest_month;
