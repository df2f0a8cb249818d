-- Coverage by commune on the 2025 geography, each year at its reported month (the last month that had ended by the
-- data's as-of, as in the bulletins). Counts are the printed whole numbers of mart.coverage: the communes of a
-- province add up to the province's figure in do_phu_tinh. A commune without data (a new commune with no old one in
-- the crosswalk, or no eligible population) has no rates and says "chưa có số liệu" in "Ghi chú".
CREATE VIEW main.do_phu_xa AS
SELECT year                                  AS "Năm",
       as_of_month                           AS "Tháng",
       as_of_date                            AS "Tính đến ngày",
       province_code                         AS "Mã tỉnh",
       province_name                         AS "Tỉnh/Thành phố",
       commune_code                          AS "Mã xã",
       commune_name                          AS "Xã/Phường",
       eligible_printed                      AS "Số người trong độ tuổi",
       registered_printed                    AS "Đã đăng ký",
       assessed_printed                      AS "Đã tự đánh giá",
       achieved_printed                      AS "Tự đánh giá đạt",
       recognised_printed                    AS "Được công nhận danh hiệu",
       round(100 * registered_rate, 1)       AS "Tỷ lệ đăng ký (%)",
       round(100 * assessed_rate, 1)         AS "Tỷ lệ tự đánh giá (%)",
       round(100 * achieved_rate, 1)         AS "Tỷ lệ tự đánh giá đạt (%)",
       round(100 * recognised_rate, 1)       AS "Tỷ lệ được công nhận (%)",
       rank_in_province                      AS "Hạng trong tỉnh",
       reaches_threshold                     AS "Đạt ngưỡng 60%",
       approximate                           AS "Số liệu ước tính",
       CASE no_data_reason
            WHEN 'no_predecessor' THEN 'chưa có số liệu: xã mới không có xã cũ tương ứng trong bảng chuyển đổi'
            WHEN 'no_population' THEN 'chưa có số liệu: chưa có số người trong độ tuổi'
       END                                   AS "Ghi chú"
FROM mart.coverage
WHERE geography = '2025' AND level = 'commune' AND is_reported_month;
