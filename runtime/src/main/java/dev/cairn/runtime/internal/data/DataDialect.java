package dev.cairn.runtime.internal.data;

import dev.cairn.runtime.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * How the batches of a data migration take their transactions and claim their ranges on each
 * database, chosen once per run from the database's kind.
 */
enum DataDialect {

    /**
     * Claims with {@code FOR UPDATE SKIP LOCKED}, so that workers of any instance pass over the
     * ranges others hold; estimates a large table's rows from the catalog.
     */
    POSTGRESQL("FOR UPDATE SKIP LOCKED") {
        @Override
        Optional<Long> estimate(Connection connection, String table) throws SQLException {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT c.reltuples::bigint FROM pg_class c WHERE c.oid = to_regclass(?) AND c.relkind = 'r'")) {
                query.setString(1, table);
                try (ResultSet row = query.executeQuery()) {
                    // reltuples is -1 before the first ANALYZE; a small table is counted exactly.
                    return row.next() && row.getLong(1) >= COUNT_LIMIT ? Optional.of(row.getLong(1)) : Optional.empty();
                }
            }
        }
    },

    /**
     * One writer at a time: each batch begins with {@code BEGIN IMMEDIATE}, which waits (up to the
     * busy timeout) for the database's write lock, so workers serialize on it and a claimed range
     * is the claimer's until it commits.
     */
    SQLITE("") {
        @Override
        void begin(Connection connection) throws SQLException {
            execute(connection, "BEGIN IMMEDIATE");
        }

        @Override
        void commit(Connection connection) throws SQLException {
            execute(connection, "COMMIT");
        }

        @Override
        void rollback(Connection connection) throws SQLException {
            if (!connection.isClosed()) {
                try {
                    execute(connection, "ROLLBACK");
                } catch (SQLException e) {
                    // SQLite ends the transaction by itself after some errors: then there is nothing to undo.
                    if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                        throw e;
                    }
                }
            }
        }

        @Override
        void prepareWorker(Connection connection, Duration lockTimeout) throws SQLException {
            execute(connection, "PRAGMA busy_timeout = " + Math.min(lockTimeout.toMillis(), Integer.MAX_VALUE));
        }
    },

    /** Another database: claims with a blocking {@code FOR UPDATE}. */
    OTHER("FOR UPDATE");

    /** Rows above which PostgreSQL's estimate replaces a count. */
    static final long COUNT_LIMIT = 1_000_000;

    private final String claimClause;

    DataDialect(String claimClause) {
        this.claimClause = claimClause;
    }

    static DataDialect of(Database database) {
        return switch (database.kind()) {
            case POSTGRESQL -> POSTGRESQL;
            case SQLITE -> SQLITE;
            case OTHER -> OTHER;
        };
    }

    /** What the claim query ends with. */
    String claimClause() {
        return claimClause;
    }

    /** Begins a batch's transaction on a connection in auto-commit mode. */
    void begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
    }

    /** Commits it, leaving the connection in auto-commit mode. */
    void commit(Connection connection) throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
    }

    /** Rolls it back, if the connection is still open, leaving the connection in auto-commit mode. */
    void rollback(Connection connection) throws SQLException {
        if (!connection.isClosed() && !connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** Prepares a connection opened for a worker. */
    void prepareWorker(Connection connection, Duration lockTimeout) throws SQLException {
    }

    /** The catalog's estimate of a plain table's rows, where counting them would be slow. */
    Optional<Long> estimate(Connection connection, String table) throws SQLException {
        return Optional.empty();
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
