package dev.cairn.runtime.internal;

import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.MigrationEvent;
import dev.cairn.runtime.MigrationListener;
import dev.cairn.runtime.Migrator;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Cairn's log, as a listener: one INFO line for each migration applied or rolled back, DEBUG for
 * each one tried in a dry run.
 */
final class LoggingListener implements MigrationListener {

    private static final Logger LOG = System.getLogger(Migrator.LOGGER_NAME);

    @Override
    public void afterMigration(MigrationEvent event, ExecutedMigration result) {
        switch (event.command()) {
            case MIGRATE -> LOG.log(Level.INFO, () -> "Applied migration " + result.summary() + " to " + event.database());
            case ROLLBACK -> LOG.log(Level.INFO, () -> "Rolled back migration " + result.summary() + " on " + event.database());
            default -> LOG.log(Level.DEBUG, () -> "Tried migration " + result.summary() + " in a dry run on " + event.database());
        }
    }
}
