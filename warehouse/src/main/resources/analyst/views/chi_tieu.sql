-- Targets (Decision 677, the 60% threshold) per province and commune: current value, gap, pace and status.
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
       as_of_month                           AS "Tháng",
       round(100 * current_value, 1)         AS "Hiện tại (%)",
       round(100 * gap, 1)                   AS "Còn thiếu (điểm %)",
       round(100 * monthly_pace, 2)          AS "Tốc độ mỗi tháng (điểm %)",
       projected_month                       AS "Dự kiến đạt",
       CASE status WHEN 'met' THEN 'Đã đạt' WHEN 'on_track' THEN 'Đúng tiến độ' WHEN 'behind' THEN 'Chậm tiến độ'
                   ELSE status END           AS "Tình trạng"
FROM mart.targets;
