package dev.cairn.runtime.internal;

import dev.cairn.runtime.CommandEvent;
import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.MigrationEvent;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.MigrationListener;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.Progress;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tells every listener, Cairn's log first. A listener that throws is logged and skipped: the
 * command goes on as if it had not been there.
 */
final class Listeners {

    private static final Logger LOG = System.getLogger(Migrator.LOGGER_NAME);

    private final List<MigrationListener> listeners;

    Listeners(List<MigrationListener> configured) {
        List<MigrationListener> all = new ArrayList<>();
        all.add(new LoggingListener());
        all.addAll(configured);
        this.listeners = List.copyOf(all);
    }

    void beforeMigration(MigrationEvent event) {
        tell("beforeMigration", event, listener -> listener.beforeMigration(event));
    }

    void afterMigration(MigrationEvent event, ExecutedMigration result) {
        tell("afterMigration", event, listener -> listener.afterMigration(event, result));
    }

    void onFailure(MigrationEvent event, MigrationException error) {
        tell("onFailure", event, listener -> listener.onFailure(event, error));
    }

    void onProgress(MigrationEvent event, Progress progress) {
        tell("onProgress", event, listener -> listener.onProgress(event, progress));
    }

    void afterCommand(CommandEvent event) {
        tell("afterCommand", event, listener -> listener.afterCommand(event));
    }

    private void tell(String method, Object event, Consumer<MigrationListener> call) {
        for (MigrationListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The migration listener " + listener.getClass().getName() + " threw from "
                        + method + "(" + event + "); Cairn ignored it and went on: " + e, e);
            }
        }
    }
}
