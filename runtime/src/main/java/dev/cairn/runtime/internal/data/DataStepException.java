package dev.cairn.runtime.internal.data;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationFailedException;
import java.sql.SQLException;

/** How the engine reports a failed data migration: its message says what stays committed and how it resumes. */
public final class DataStepException extends MigrationFailedException {

    private static final long serialVersionUID = 1L;

    private final String detail;

    DataStepException(ErrorCode code, MigrationDescriptor migration, String statement, String message, String detail,
            Throwable cause) {
        super(code, migration, statement, sqlState(cause), message, cause);
        this.detail = detail;
    }

    /** What the log's FAIL row says: one line. */
    public String detail() {
        return detail;
    }

    private static String sqlState(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** Named as the API type callers catch. */
    @Override
    public String toString() {
        return MigrationFailedException.class.getName() + ": " + getMessage();
    }
}
