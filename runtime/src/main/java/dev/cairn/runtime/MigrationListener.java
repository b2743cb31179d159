package dev.cairn.runtime;

/**
 * Told what a {@link Migrator} does, for logging, progress bars, metrics or an HTTP API.
 * Registered with {@link Migrator.Builder#listener(MigrationListener)}; every method has a
 * default that does nothing.
 *
 * <p>Listeners are called on the thread that runs the command, outside the migration's
 * transaction (before it begins, after it committed or rolled back), except {@link #onProgress},
 * which a running migration reports, and the calls of a dry run, which is one transaction from
 * start to end. They get no connection. A listener that throws is logged as a warning and
 * ignored: it never changes what the command does. A migration that another instance applied
 * while this one waited gets {@link #beforeMigration} and nothing after it: it did not run here.
 */
public interface MigrationListener {

    /** A migration is about to run: applied, rolled back, or tried in a dry run. */
    default void beforeMigration(MigrationEvent event) {
    }

    /** A migration ran and, unless in a dry run, was committed with its history row. */
    default void afterMigration(MigrationEvent event, ExecutedMigration result) {
    }

    /** A migration failed; what happened to the database is in {@code error}'s message. */
    default void onFailure(MigrationEvent event, MigrationException error) {
    }

    /** A running migration reported how far it got, such as a batched data migration. */
    default void onProgress(MigrationEvent event, Progress progress) {
    }

    /** A command ended, with its report or its error. */
    default void afterCommand(CommandEvent event) {
    }
}
