package dev.cairn.runtime.internal;

import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationFailedException;
import java.sql.SQLException;

/** How the engine reports a failed migration: with the SQLState of the database error behind it, if any. */
final class StepFailedException extends MigrationFailedException {

    private static final long serialVersionUID = 1L;

    StepFailedException(MigrationDescriptor migration, String statement, String message, Throwable cause) {
        super(migration, statement, sqlStateOf(cause), message, cause);
    }

    private static String sqlStateOf(Throwable cause) {
        SQLException sql = SqlErrors.find(cause);
        return sql == null ? null : sql.getSQLState();
    }
}
