-- Test only (WarehouseMigrationsTest): one of each kind of schema evolution on the real tables, on top of cdht's own
-- migrations (numbered above any of them).

-- a new source field: the contract's raw table and the core table both gain it
ALTER TABLE raw.accounts ADD COLUMNS (email STRING);
ALTER TABLE core.accounts ADD COLUMN email STRING;

ALTER TABLE core.units RENAME COLUMN unit_type TO unit_kind;

-- type widening: int to bigint, and a decimal's precision
ALTER TABLE core.recognitions ALTER COLUMN year TYPE BIGINT;
ALTER TABLE core.self_assessments ALTER COLUMN total_score TYPE DECIMAL(10, 2);
