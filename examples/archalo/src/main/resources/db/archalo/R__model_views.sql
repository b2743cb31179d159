-- The architecture view: recreated whenever this file changes.
CREATE OR REPLACE VIEW v_model_architecture AS
    SELECT m.model_id, m.name, m.architecture, m.status,
           count(c.component_id) AS component_count,
           max(c.layer_index) AS top_layer
    FROM models m
    LEFT JOIN model_components c ON c.model_id = m.model_id
    GROUP BY m.model_id, m.name, m.architecture, m.status;

COMMENT ON VIEW v_model_architecture IS 'One row per model with the size of its architecture';
