-- Coverage by province on both geographies (2024: 63 provinces; 2025: 34), each year at its reported month: the
-- last month that had ended by the data's as-of ("Tính đến ngày" says to which day the figures run), the month the
-- bulletins show. Counts are the printed whole numbers of mart.coverage (one rounding rule: docs/indicators.md);
-- where "Số liệu ước tính" is true they include allocated shares. Rates are computed on the unrounded counts.
-- "Tự đánh giá đạt": citizens whose self-assessment says Đạt; "Được công nhận danh hiệu": recognised by their unit.
CREATE VIEW main.do_phu_tinh AS
SELECT geography                             AS "Địa giới",
       year                                  AS "Năm",
       as_of_month                           AS "Tháng",
       as_of_date                            AS "Tính đến ngày",
       province_code                         AS "Mã tỉnh",
       province_name                         AS "Tỉnh/Thành phố",
       eligible_printed                      AS "Số người trong độ tuổi",
       registered_printed                    AS "Đã đăng ký",
       assessed_printed                      AS "Đã tự đánh giá",
       achieved_printed                      AS "Tự đánh giá đạt",
       recognised_printed                    AS "Được công nhận danh hiệu",
       round(100 * registered_rate, 1)       AS "Tỷ lệ đăng ký (%)",
       round(100 * assessed_rate, 1)         AS "Tỷ lệ tự đánh giá (%)",
       round(100 * achieved_rate, 1)         AS "Tỷ lệ tự đánh giá đạt (%)",
       round(100 * recognised_rate, 1)       AS "Tỷ lệ được công nhận (%)",
       approximate                           AS "Số liệu ước tính"
FROM mart.coverage
WHERE level = 'province' AND is_reported_month;
