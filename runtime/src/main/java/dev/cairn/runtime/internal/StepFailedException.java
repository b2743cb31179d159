package dev.cairn.runtime.internal;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationFailedException;
import java.sql.SQLException;

/** How the engine reports a failed migration: with the SQLState of the database error behind it, if any. */
final class StepFailedException extends MigrationFailedException {

    private static final long serialVersionUID = 1L;

    StepFailedException(FailureCause why, MigrationDescriptor migration, String statement, String message, Throwable cause) {
        super(codeOf(why), migration, statement, sqlStateOf(cause), message, cause);
    }

    /** A lock wait or a lost connection is not the migration's failure, and callers may retry on it. */
    private static ErrorCode codeOf(FailureCause why) {
        return switch (why) {
            case LOCK -> ErrorCode.LOCK_TIMEOUT;
            case CONNECTION -> ErrorCode.CONNECTION;
            case PRECONDITION, POSTCONDITION -> ErrorCode.CONDITION_FAILED;
            default -> ErrorCode.MIGRATION_FAILED;
        };
    }

    private static String sqlStateOf(Throwable cause) {
        SQLException sql = SqlErrors.find(cause);
        return sql == null ? null : sql.getSQLState();
    }

    /** Named as the API type callers catch: the engine's subclass is an implementation detail. */
    @Override
    public String toString() {
        return MigrationFailedException.class.getName() + ": " + getMessage();
    }
}
