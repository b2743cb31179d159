-- Arc-Halo Cognitive Fusion Reactor - Core model tables
-- Part 1: models and their components.

CREATE TABLE IF NOT EXISTS models (
    model_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name VARCHAR(255) NOT NULL UNIQUE,
    architecture VARCHAR(100) NOT NULL,
    status VARCHAR(20) NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'training', 'active', 'retired')),
    parameter_count BIGINT,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS model_components (
    component_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    model_id UUID NOT NULL REFERENCES models(model_id) ON DELETE CASCADE,
    component_type VARCHAR(50) NOT NULL,
    layer_index INTEGER NOT NULL,
    config JSONB NOT NULL DEFAULT '{}'::jsonb,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX IF NOT EXISTS idx_models_status ON models(status);
CREATE INDEX IF NOT EXISTS idx_models_created_at ON models(created_at);
CREATE INDEX IF NOT EXISTS idx_component_model ON model_components(model_id);

COMMENT ON TABLE models IS 'Every model of the reactor, one row per architecture instance';
COMMENT ON COLUMN models.status IS 'draft, training, active or retired; only active models serve inference';
COMMENT ON TABLE model_components IS 'The layers of a model, in layer_index order';
