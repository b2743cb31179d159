package dev.cairn.runtime.internal;

import dev.cairn.runtime.spi.ForeignKeyGuard;
import java.sql.SQLException;

/**
 * The signal that a transaction must start over with foreign key enforcement off: a migration
 * called {@link dev.cairn.runtime.MigrationContext#rebuildTable} while SQLite enforced the keys,
 * and the switch has no effect inside a transaction. The transaction is rolled back (nothing
 * happened), the keys are switched off outside it, and the work runs again from its start.
 */
final class RerunWithoutForeignKeys extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RerunWithoutForeignKeys() {
        super("rerun with foreign keys off", null, false, false);
    }

    /** A transaction's work, given how its foreign keys are checked; it rolls back before throwing the signal. */
    @FunctionalInterface
    interface Attempt<T> {
        T run(ForeignKeyGuard foreignKeys) throws SQLException;
    }

    /**
     * Runs {@code attempt} with the connection's setting and, on the signal, once more with
     * foreign keys off; they are switched on again after that transaction ended.
     */
    static <T> T retrying(Session session, Attempt<T> attempt) throws SQLException {
        try {
            return attempt.run(ForeignKeyGuard.NONE);
        } catch (RerunWithoutForeignKeys signal) {
            // Only a database with a table rebuilder sends the signal.
            try (ForeignKeyGuard off = session.support().tableRebuilder().orElseThrow().foreignKeysOff(session.connection())) {
                return attempt.run(off);
            }
        }
    }
}
