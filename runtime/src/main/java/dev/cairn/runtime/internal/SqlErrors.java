package dev.cairn.runtime.internal;

import java.sql.SQLException;

/** Finds the database error behind an exception, for messages and for {@code MigrationFailedException.sqlState()}. */
public final class SqlErrors {

    private SqlErrors() {
    }

    /** The first {@link SQLException} in {@code error}'s cause chain, or {@code null} if there is none. */
    public static SQLException find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
