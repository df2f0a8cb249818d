-- Data quality per batch: rows quarantined (reasons) and rows kept with a flag, by code.
CREATE VIEW main.chat_luong_du_lieu AS
SELECT batch_id                              AS "Lô dữ liệu",
       entity                                AS "Loại dữ liệu",
       CASE finding WHEN 'quarantined' THEN 'Bị loại (cách ly)' ELSE 'Giữ lại, có cảnh báo' END AS "Kết quả",
       code                                  AS "Mã lỗi",
       sum(rows)                             AS "Số dòng"
FROM mart.data_quality
GROUP BY ALL;
