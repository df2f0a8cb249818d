-- The fields of the source contract (vn.cdht.warehouse.source.SourceEntity) and the header the export files give
-- each: the Vietnamese label a fix-list prints for a field.
SELECT entity, field, label
FROM src_source_fields
