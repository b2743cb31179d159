-- The progress of each training session: its latest epoch and loss.
CREATE OR REPLACE VIEW v_training_progress AS
    SELECT s.session_id, s.model_id, s.epochs_planned,
           max(t.epoch) AS latest_epoch,
           (SELECT t2.metric_value FROM training_metrics t2
             WHERE t2.session_id = s.session_id AND t2.metric_type = 'loss'
             ORDER BY t2.epoch DESC, t2.metric_id DESC LIMIT 1) AS latest_loss
    FROM training_sessions s
    LEFT JOIN training_metrics t ON t.session_id = s.session_id
    GROUP BY s.session_id, s.model_id, s.epochs_planned;
