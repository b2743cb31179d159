package dev.cairn.runtime.internal.data;

import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.Progress;
import dev.cairn.runtime.spi.DatabaseSupport;
import dev.cairn.runtime.spi.LockRequest;
import java.sql.Connection;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What the engine's command gives a data migration's run.
 *
 * @param session the command's connection, in auto-commit mode between transactions
 * @param connections opens the further connections of parallel workers
 * @param lockTimeout how long a worker waits for a lock of Cairn's (SQLite: the write lock)
 * @param statementLockTimeout how long the statements of a parallel worker wait for another session's lock
 * @param migrationTimeout the migrator's timeout, {@link Duration#ZERO} for none
 * @param guard wraps a connection the way the migration's context guards its own
 * @param progress where progress goes: the context's listeners
 * @param start opens the run's marker, committing the transaction the command began for the step
 * @param preconditions the migration's pre-conditions, checked before a run that starts from the beginning
 * @param postconditions its post-conditions, checked before the last batch commits
 */
public record DataEnvironment(Connection session, DatabaseSupport support, DataTables tables, MigrationDescriptor migration,
        boolean rollback, LockRequest.Opener connections, Duration lockTimeout, Duration statementLockTimeout,
        Duration migrationTimeout,
        UnaryOperator<Connection> guard, Consumer<Progress> progress, Check start, Check preconditions,
        Check postconditions) {

    /** A check of the migration's, which throws when it fails. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    /** "up" or "down": which work of the migration runs, as the data table records it. */
    String direction() {
        return rollback ? "down" : "up";
    }
}
