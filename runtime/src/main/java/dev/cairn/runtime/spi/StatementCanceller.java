package dev.cairn.runtime.spi;

import java.sql.SQLException;

/**
 * Cancels what runs on one connection, from another thread: how a migration that outlives its
 * timeout is stopped. The cancelled statement fails in the migration's thread, and its transaction
 * rolls back as after any failure.
 */
@FunctionalInterface
public interface StatementCanceller {

    /** Cancels the statement running now, if any. */
    void cancel() throws SQLException;
}
