-- rollback_04_inference_cache.sql
DROP TABLE IF EXISTS inference_cache CASCADE;
