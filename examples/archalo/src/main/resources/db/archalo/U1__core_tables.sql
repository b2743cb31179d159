-- rollback_01_core_tables.sql
DROP TABLE IF EXISTS model_components CASCADE;
DROP TABLE IF EXISTS models CASCADE;
