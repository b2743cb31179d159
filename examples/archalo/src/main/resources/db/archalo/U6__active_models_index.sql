-- rollback_06_active_models_index.sql
DROP INDEX CONCURRENTLY IF EXISTS idx_models_active;
