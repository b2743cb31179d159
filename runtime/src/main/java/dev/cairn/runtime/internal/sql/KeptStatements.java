package dev.cairn.runtime.internal.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Prepared statements kept open for one connection, by their SQL, for the statements that every
 * migration's step runs again: SQLite compiles a statement anew at each preparation. A statement
 * that failed is closed and prepared again at its next use, since a driver may leave it in any
 * state. One thread at a time, as the connection; {@link #close} before the connection goes back
 * to its owner, which may keep it open (a pool).
 */
public final class KeptStatements implements AutoCloseable {

    /** What to do with a kept statement. */
    @FunctionalInterface
    public interface Use<T> {
        T on(PreparedStatement statement) throws SQLException;
    }

    private final Map<String, PreparedStatement> kept = new HashMap<>();
    private Connection keptFor;

    /**
     * Runs {@code use} on the statement of {@code sql} kept for {@code connection}, prepared now
     * if it is not; the statements of another connection, kept before, are closed first.
     */
    public <T> T run(Connection connection, String sql, Use<T> use) throws SQLException {
        if (connection != keptFor) {
            close();
            keptFor = connection;
        }
        PreparedStatement statement = kept.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            kept.put(sql, statement);
        }
        try {
            return use.on(statement);
        } catch (SQLException | RuntimeException e) {
            kept.remove(sql);
            try {
                statement.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Closes every kept statement; the first failure is thrown once all were tried. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : kept.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        kept.clear();
        keptFor = null;
        if (failure != null) {
            throw failure;
        }
    }
}
