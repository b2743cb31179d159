-- cairn: transactional=false
-- Performance optimization: the partial index the inference path looks active models up with.
-- Built CONCURRENTLY, so that models stays writable meanwhile; that cannot run in a transaction.

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_models_active
    ON models(model_id)
    WHERE status = 'active';
