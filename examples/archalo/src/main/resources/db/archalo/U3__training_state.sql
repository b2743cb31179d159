-- rollback_03_training_state.sql
DROP TABLE IF EXISTS training_metrics CASCADE;
DROP TABLE IF EXISTS training_sessions CASCADE;
