-- The three weakest criteria (lowest share of assessed citizens meeting them) per area, year and citizen group.
CREATE VIEW main.tieu_chi_yeu AS
SELECT geography                             AS "Địa giới",
       level                                 AS "Cấp",
       year                                  AS "Năm",
       province_name                         AS "Tỉnh/Thành phố",
       district_name                         AS "Quận/Huyện",
       commune_name                          AS "Xã/Phường",
       citizen_group                         AS "Nhóm",
       weakness_rank                         AS "Thứ tự yếu",
       criterion_no                          AS "Tiêu chí số",
       criterion_title                       AS "Tiêu chí",
       CAST(round(assessed) AS BIGINT)        AS "Số đã tự đánh giá",
       CAST(round(meeting) AS BIGINT)         AS "Số đạt tiêu chí",
       round(100 * share, 1)                 AS "Tỷ lệ đạt tiêu chí (%)",
       round(mean_score, 2)                  AS "Điểm trung bình",
       approximate                           AS "Số liệu ước tính"
FROM mart.criteria
WHERE weakness_rank <= 3;
