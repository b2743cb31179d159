package dev.cairn.examples.codetune;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;
import dev.cairn.runtime.Progress;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Fills loss_gap (eval_loss - train_loss, how far a run overfits) for the metrics already logged,
 * a range of ids at a time, reporting its progress so that {@code cairn migrate} shows rows, rate
 * and time left on a terminal.
 */
@Migration(version = "7", dependsOn = "6", description = "Backfill loss_gap of logged metrics")
final class BackfillLossGap implements JavaMigration {

    /** Ids per UPDATE: one statement per range keeps each short, and progress moves steadily. */
    private static final long RANGE = 500;

    @Override
    public void up(MigrationContext db) throws Exception {
        long start = System.nanoTime();
        long total = db.queryOne("SELECT COUNT(*) FROM training_metric", rs -> rs.getLong(1)).orElse(0L);
        long maxId = db.queryOne("SELECT COALESCE(MAX(id), 0) FROM training_metric", rs -> rs.getLong(1)).orElse(0L);
        long done = 0;
        long batch = 0;
        for (long from = 1; from <= maxId; from += RANGE) {
            done += db.execute("UPDATE training_metric SET loss_gap = eval_loss - train_loss WHERE id >= ? AND id < ?",
                    from, from + RANGE);
            batch++;
            db.reportProgress(new Progress(done, OptionalLong.of(total), batch, Duration.ofNanos(System.nanoTime() - start)));
        }
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("UPDATE training_metric SET loss_gap = NULL");
    }
}
