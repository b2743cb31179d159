package dev.cairn.runtime.spi;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The lock that makes concurrent migrators apply each migration exactly once, and the write
 * transactions taken under it on the work connection. A process that dies loses its lock: the
 * database releases it, so a crash never leaves a stuck lock.
 */
public interface MigrationLock extends AutoCloseable {

    /**
     * Begins a write transaction on the work connection, waiting for the lock if needed.
     *
     * @return whether another process may have changed Cairn's tables since this lock's previous
     *     transaction, so that what was read before must be read again; {@code true} the first time
     * @throws dev.cairn.runtime.MigrationException with {@code LOCK_TIMEOUT} when the wait is too long
     */
    boolean begin() throws SQLException;

    /**
     * Whether the lock is still held, asked before a migration's transaction commits. A lock that
     * is the transaction itself (SQLite's) is held while the transaction is open; a lock held by a
     * connection of its own is lost if that connection ends.
     */
    default boolean stillHeld() throws SQLException {
        return true;
    }

    /**
     * A condition in SQL, true while this lock is held, that a statement on the work connection
     * can evaluate: where the database records a migration in one statement
     * ({@link DatabaseSupport#writesTwoTablesInOneStatement()}), Cairn makes that statement's log
     * row depend on it, which checks the lock without the round trip of {@link #stillHeld()}.
     * Empty, the default, where only {@link #stillHeld()} can tell.
     */
    default Optional<String> heldCondition() {
        return Optional.empty();
    }

    /** Commits the transaction begun by {@link #begin()}. */
    void commit() throws SQLException;

    /** Rolls back the transaction begun by {@link #begin()}, if it is still open. */
    void rollback() throws SQLException;

    /**
     * Rolls back after {@code failure} ended the transaction's work. An error of the rollback
     * itself is added to {@code failure} as suppressed: the failure is what the user must see.
     */
    default void rollbackAfter(Throwable failure) {
        try {
            rollback();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Whether the lock is also held between transactions, for the whole command. If so, a
     * non-transactional migration's "running" marker found under the lock was left by a process
     * that died; if not, its owner may still be running it.
     */
    boolean heldForWholeCommand();

    /** Ends any open transaction and releases the lock. */
    @Override
    void close() throws SQLException;
}
