-- Arc-Halo Cognitive Fusion Reactor - Cognitive fusion reactor
-- Part 5: fusion runs that combine the outputs of several models.

CREATE TABLE IF NOT EXISTS fusion_runs (
    run_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    strategy VARCHAR(50) NOT NULL DEFAULT 'weighted_vote',
    started_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    result JSONB
);

CREATE TABLE IF NOT EXISTS fusion_inputs (
    run_id UUID NOT NULL REFERENCES fusion_runs(run_id) ON DELETE CASCADE,
    model_id UUID NOT NULL REFERENCES models(model_id) ON DELETE CASCADE,
    weight NUMERIC(5, 4) NOT NULL CHECK (weight > 0 AND weight <= 1),
    PRIMARY KEY (run_id, model_id)
);

CREATE INDEX IF NOT EXISTS idx_fusion_inputs_model ON fusion_inputs(model_id);

COMMENT ON TABLE fusion_runs IS 'One fusion of model outputs; result holds the fused answer';
COMMENT ON COLUMN fusion_inputs.weight IS 'The share of this model in the fused answer, in (0, 1]';
