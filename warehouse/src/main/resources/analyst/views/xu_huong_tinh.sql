-- Month by month per province, on both geographies: new and cumulative registrations, assessments, achievements.
CREATE VIEW main.xu_huong_tinh AS
SELECT geography                             AS "Địa giới",
       province_code                         AS "Mã tỉnh",
       province_name                         AS "Tỉnh/Thành phố",
       month                                 AS "Tháng",
       year                                  AS "Năm",
       CAST(round(new_registrations) AS BIGINT) AS "Đăng ký mới",
       CAST(round(cumulative_registrations) AS BIGINT) AS "Đăng ký lũy kế",
       CAST(round(new_assessed) AS BIGINT)    AS "Tự đánh giá mới",
       CAST(round(cumulative_assessed) AS BIGINT) AS "Tự đánh giá lũy kế (trong năm)",
       CAST(round(new_achieved) AS BIGINT)    AS "Tự đánh giá đạt mới",
       CAST(round(cumulative_achieved) AS BIGINT) AS "Tự đánh giá đạt lũy kế (trong năm)",
       approximate                           AS "Số liệu ước tính"
FROM mart.trend
WHERE level = 'province';
