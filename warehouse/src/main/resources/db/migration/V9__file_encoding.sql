-- The text encoding each ingested file was found in (UTF-8, UTF-16LE with BOM, Windows-1258, TCVN3, VNI, or
-- "XLSX (Unicode)"), and how many of its cells were typed in a legacy font (TCVN3, VNI) and converted to Unicode.
-- Files ingested before this migration have none of them.
ALTER TABLE ingest_file ADD COLUMN encoding VARCHAR(32);
ALTER TABLE ingest_file ADD COLUMN tcvn3_cells BIGINT;
ALTER TABLE ingest_file ADD COLUMN vni_cells BIGINT;
