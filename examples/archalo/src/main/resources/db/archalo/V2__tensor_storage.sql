-- Arc-Halo Cognitive Fusion Reactor - Tensor storage
-- Part 2: the weights of each component, stored by shape and type.

CREATE TABLE IF NOT EXISTS tensors (
    tensor_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    component_id UUID NOT NULL REFERENCES model_components(component_id) ON DELETE CASCADE,
    name VARCHAR(255) NOT NULL,
    shape INTEGER[] NOT NULL,
    dtype VARCHAR(20) NOT NULL DEFAULT 'float32',
    size_bytes BIGINT NOT NULL CHECK (size_bytes >= 0),
    storage_uri TEXT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (component_id, name)
);

CREATE INDEX IF NOT EXISTS idx_tensors_component ON tensors(component_id);

COMMENT ON TABLE tensors IS 'Tensor metadata; the bytes live at storage_uri';
COMMENT ON COLUMN tensors.shape IS 'Dimensions, outermost first, e.g. {768,3072}';
