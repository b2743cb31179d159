-- rollback_07_model_description.sql
ALTER TABLE models DROP COLUMN IF EXISTS description;
