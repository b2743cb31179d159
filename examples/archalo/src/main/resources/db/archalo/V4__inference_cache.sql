-- Arc-Halo Cognitive Fusion Reactor - Inference and caching
-- Part 4: cached responses, keyed by a hash of model and prompt.

CREATE TABLE IF NOT EXISTS inference_cache (
    cache_key CHAR(64) PRIMARY KEY,
    model_id UUID NOT NULL REFERENCES models(model_id) ON DELETE CASCADE,
    response JSONB NOT NULL,
    hits INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    expires_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX IF NOT EXISTS idx_inference_cache_model ON inference_cache(model_id);

COMMENT ON TABLE inference_cache IS 'Responses served again while fresh; cache_key is the hex SHA-256 of model and prompt';
