package dev.cairn.runtime.internal;

import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.MigrationEvent;
import dev.cairn.runtime.MigrationListener;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.Progress;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Cairn's log, as a listener: one INFO line for each migration applied or rolled back, DEBUG for
 * each one tried in a dry run, and for long work such as a data migration, an INFO line of its
 * progress at most every five seconds.
 */
final class LoggingListener implements MigrationListener {

    private static final Logger LOG = System.getLogger(Migrator.LOGGER_NAME);
    /** Progress is logged at most this often, whatever the migration reports. */
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private volatile long lastProgress = System.nanoTime() - PROGRESS_EVERY_NANOS;

    @Override
    public void onProgress(MigrationEvent event, Progress progress) {
        long now = System.nanoTime();
        if (now - lastProgress < PROGRESS_EVERY_NANOS) {
            return;
        }
        lastProgress = now;
        LOG.log(Level.INFO, () -> "Migration " + event.migration().displayName() + " on " + event.database() + ": "
                + describe(progress));
    }

    /** {@code 12000 of 200000 rows (6%), batch 12, 4000 rows/s, about 47 s left}. */
    private static String describe(Progress progress) {
        StringBuilder text = new StringBuilder().append(progress.done());
        progress.total().ifPresent(total -> text.append(" of ").append(total));
        text.append(" rows");
        progress.total().stream().filter(total -> total > 0)
                .forEach(total -> text.append(" (").append(Math.min(100, progress.done() * 100 / total)).append("%)"));
        if (progress.batch() > 0) {
            text.append(", batch ").append(progress.batch());
        }
        text.append(", ").append(Math.round(progress.rate())).append(" rows/s");
        progress.remaining().ifPresent(left -> text.append(", about ").append(left.toSeconds()).append(" s left"));
        return text.toString();
    }

    @Override
    public void afterMigration(MigrationEvent event, ExecutedMigration result) {
        switch (event.command()) {
            case MIGRATE -> LOG.log(Level.INFO, () -> "Applied migration " + result.summary() + " to " + event.database());
            case ROLLBACK -> LOG.log(Level.INFO, () -> "Rolled back migration " + result.summary() + " on " + event.database());
            default -> LOG.log(Level.DEBUG, () -> "Tried migration " + result.summary() + " in a dry run on " + event.database());
        }
    }
}
