-- Units (schools, agencies, ...) and their progress, ranked within their commune and province by achieved rate.
CREATE VIEW main.tien_do_don_vi AS
SELECT year                                  AS "Năm",
       province_name_2025                    AS "Tỉnh/Thành phố",
       commune_code_2025                     AS "Mã xã",
       commune_name_2025                     AS "Xã/Phường",
       unit_category                         AS "Loại đơn vị",
       unit_code                             AS "Mã đơn vị",
       unit_name                             AS "Tên đơn vị",
       members                               AS "Số thành viên",
       registered                            AS "Đã đăng ký",
       assessed                              AS "Đã tự đánh giá",
       achieved                              AS "Tự đánh giá đạt",
       recognised                            AS "Được công nhận danh hiệu",
       round(100 * registered_rate, 1)       AS "Tỷ lệ đăng ký (%)",
       round(100 * assessed_rate, 1)         AS "Tỷ lệ tự đánh giá (%)",
       round(100 * achieved_rate, 1)         AS "Tỷ lệ tự đánh giá đạt (%)",
       rank_in_commune                       AS "Hạng trong xã",
       rank_in_province                      AS "Hạng trong tỉnh"
FROM mart.unit_progress;
