-- Coverage by province on both geographies (2024: 63 provinces; 2025: 34), each year's latest month.
CREATE VIEW main.do_phu_tinh AS
SELECT geography                             AS "Địa giới",
       year                                  AS "Năm",
       as_of_month                           AS "Tháng",
       province_code                         AS "Mã tỉnh",
       province_name                         AS "Tỉnh/Thành phố",
       eligible                              AS "Số người trong độ tuổi",
       registered                            AS "Đã đăng ký",
       assessed                              AS "Đã tự đánh giá",
       achieved                              AS "Đạt",
       recognised                            AS "Được công nhận",
       round(100 * registered_rate, 1)       AS "Tỷ lệ đăng ký (%)",
       round(100 * assessed_rate, 1)         AS "Tỷ lệ tự đánh giá (%)",
       round(100 * achieved_rate, 1)         AS "Tỷ lệ đạt (%)",
       round(100 * recognised_rate, 1)       AS "Tỷ lệ công nhận (%)",
       approximate                           AS "Số liệu ước tính"
FROM mart.coverage
WHERE level = 'province' AND is_latest_month;
