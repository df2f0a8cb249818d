-- Targets (Decision 677, the 60% threshold) per province and commune, as mart.targets judges them: the value at the
-- reported month, the gap, the in-year pace and projected year-end, the pace across years (the same month of every
-- year) and the year it reaches the target at that pace, and the status.
CREATE VIEW main.chi_tieu AS
SELECT level                                 AS "Cấp",
       province_code                         AS "Mã tỉnh",
       province_name                         AS "Tỉnh/Thành phố",
       commune_code                          AS "Mã xã",
       commune_name                          AS "Xã/Phường",
       target_code                           AS "Mã chỉ tiêu",
       title_vi                              AS "Chỉ tiêu",
       source                                AS "Căn cứ",
       target_year                           AS "Năm mục tiêu",
       round(100 * target_rate, 1)           AS "Mục tiêu (%)",
       year                                  AS "Năm xét",
       as_of_month                           AS "Tháng",
       as_of_date                            AS "Tính đến ngày",
       round(100 * current_value, 1)         AS "Hiện tại (%)",
       round(100 * gap, 1)                   AS "Còn thiếu (điểm %)",
       round(100 * monthly_pace, 2)          AS "Tăng bình quân mỗi tháng trong năm (điểm %)",
       round(100 * year_end_value, 1)        AS "Dự kiến cuối năm (%)",
       round(100 * annual_pace, 2)           AS "Tăng bình quân mỗi năm, so cùng kỳ (điểm %)",
       projected_year                        AS "Năm dự kiến đạt",
       CASE status WHEN 'met' THEN 'Đã đạt' WHEN 'not_met' THEN 'Không đạt' WHEN 'on_track' THEN 'Đúng tiến độ'
                   WHEN 'behind' THEN 'Chậm tiến độ' WHEN 'no_trend' THEN 'Chưa đủ số liệu để dự báo'
                   WHEN 'not_measured' THEN 'Chưa đo được' END AS "Tình trạng"
FROM mart.targets;
