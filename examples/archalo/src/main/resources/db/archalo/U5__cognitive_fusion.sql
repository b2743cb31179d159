-- rollback_05_cognitive_fusion.sql
DROP TABLE IF EXISTS fusion_inputs CASCADE;
DROP TABLE IF EXISTS fusion_runs CASCADE;
