-- Arc-Halo Cognitive Fusion Reactor - Training state
-- Part 3: training sessions and the metrics they report.

CREATE TABLE IF NOT EXISTS training_sessions (
    session_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    model_id UUID NOT NULL REFERENCES models(model_id) ON DELETE CASCADE,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    finished_at TIMESTAMP WITH TIME ZONE,
    epochs_planned INTEGER NOT NULL CHECK (epochs_planned > 0),
    hyperparameters JSONB NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE IF NOT EXISTS training_metrics (
    metric_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id UUID NOT NULL REFERENCES training_sessions(session_id) ON DELETE CASCADE,
    epoch INTEGER NOT NULL,
    metric_type VARCHAR(50) NOT NULL,
    metric_value DOUBLE PRECISION NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX IF NOT EXISTS idx_training_sessions_model ON training_sessions(model_id);
CREATE INDEX IF NOT EXISTS idx_training_metrics_session_epoch ON training_metrics(session_id, epoch);

COMMENT ON TABLE training_sessions IS 'One run of training over a model';
COMMENT ON COLUMN training_metrics.metric_type IS 'loss, accuracy, gradient_norm, learning_rate...: new types need no schema change';
