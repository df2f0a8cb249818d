-- Month by month per province, on both geographies: new and cumulative registrations, assessments, achievements.
CREATE VIEW main.xu_huong_tinh AS
SELECT geography                             AS "Địa giới",
       province_code                         AS "Mã tỉnh",
       province_name                         AS "Tỉnh/Thành phố",
       month                                 AS "Tháng",
       year                                  AS "Năm",
       new_registrations                     AS "Đăng ký mới",
       cumulative_registrations              AS "Đăng ký lũy kế",
       new_assessed                          AS "Tự đánh giá mới",
       cumulative_assessed                   AS "Tự đánh giá lũy kế (trong năm)",
       new_achieved                          AS "Đạt mới",
       cumulative_achieved                   AS "Đạt lũy kế (trong năm)",
       approximate                           AS "Số liệu ước tính"
FROM mart.trend
WHERE level = 'province';
