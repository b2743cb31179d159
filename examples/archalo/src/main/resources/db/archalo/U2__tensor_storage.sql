-- rollback_02_tensor_storage.sql
DROP TABLE IF EXISTS tensors CASCADE;
