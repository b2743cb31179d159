package dev.cairn.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Finds the database error behind an exception, for messages and for {@code MigrationFailedException.sqlState()}. */
final class SqlErrors {

    private SqlErrors() {
    }

    /**
     * Whether {@code error}, raised on {@code connection}, cost the connection: an SQLState of
     * class 08 (connection exception), or a connection that no longer answers (a backend
     * terminated by the server reports 57P01 first).
     */
    static boolean connectionLost(Connection connection, SQLException error) {
        if (error.getSQLState() != null && error.getSQLState().startsWith("08")) {
            return true;
        }
        try {
            return !connection.isValid(2);
        } catch (SQLException e) {
            return true;
        }
    }

    /** The first {@link SQLException} in {@code error}'s cause chain, or {@code null} if there is none. */
    static SQLException find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
