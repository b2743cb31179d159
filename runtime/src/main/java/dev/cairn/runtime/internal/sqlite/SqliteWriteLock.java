package dev.cairn.runtime.internal.sqlite;

import dev.cairn.runtime.spi.MigrationLock;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.internal.sql.KeptStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.sqlite.SQLiteConnection;

/**
 * SQLite's lock: the database file's write lock, taken by {@code BEGIN IMMEDIATE} for each
 * transaction. A deferred {@code BEGIN} would fail with {@code SQLITE_BUSY} without waiting when
 * it later tries to write; {@code BEGIN IMMEDIATE} waits up to the busy timeout. The operating
 * system drops the lock of a process that dies, and the next connection rolls its journal back.
 *
 * <p>Between transactions another process may commit, which {@code PRAGMA data_version} reveals
 * cheaply, so the engine re-reads the history only when it changed.
 */
public final class SqliteWriteLock implements MigrationLock {

    private static final int SQLITE_BUSY = 5;

    private final Connection connection;
    private final Duration timeout;
    private final String database;
    private final int previousBusyTimeout;
    /** BEGIN IMMEDIATE, PRAGMA data_version and COMMIT, which every step's transaction runs. */
    private final KeptStatements kept = new KeptStatements();
    private long dataVersion = -1;
    private boolean inTransaction;
    private boolean aborted;

    public SqliteWriteLock(Connection connection, Duration timeout, String database) throws SQLException {
        this.connection = connection;
        this.timeout = timeout;
        this.database = database;
        this.previousBusyTimeout = (int) queryLong("PRAGMA busy_timeout");
        execute("PRAGMA busy_timeout = " + Math.min(timeout.toMillis(), Integer.MAX_VALUE));
    }

    @Override
    public boolean begin() throws SQLException {
        try {
            executeKept("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            if (e.getErrorCode() == SQLITE_BUSY || String.valueOf(e.getMessage()).contains("SQLITE_BUSY")) {
                throw new MigrationException(ErrorCode.LOCK_TIMEOUT, "Timed out after " + timeout.toSeconds()
                        + " s waiting for the write lock of the " + database + ". Another connection"
                        + " holds it (SQLite cannot tell which process): probably another instance that is migrating,"
                        + " or a program with an open write transaction such as an sqlite3 shell. Wait for it and retry,"
                        + " close that program, or raise lockTimeout.", e);
            }
            throw e;
        }
        inTransaction = true;
        long current = queryLongKept("PRAGMA data_version");
        boolean changed = current != dataVersion;
        dataVersion = current;
        return changed;
    }

    @Override
    public void commit() throws SQLException {
        executeKept("COMMIT");
        inTransaction = false;
    }

    @Override
    public void rollback() throws SQLException {
        // An aborted connection took its transaction with it.
        if (!inTransaction || aborted) {
            return;
        }
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite rolls back by itself after some errors (disk full, I/O); then nothing is left to undo.
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                discardConnection(e);
                throw e;
            }
        }
        inTransaction = false;
    }

    /**
     * Ends a connection whose write transaction could not be rolled back, rather than leave the
     * caller (a pool) a connection that holds the database's write lock. {@code abort} makes pools
     * evict it, but sqlite-jdbc's own does nothing, so the driver's connection is closed too:
     * SQLite rolls back an open transaction when its connection closes.
     */
    private void discardConnection(SQLException failure) {
        try {
            connection.abort(Runnable::run);
            SQLiteConnection physical = connection.unwrap(SQLiteConnection.class);
            if (!physical.isClosed()) {
                physical.close();
            }
            aborted = true;
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public boolean heldForWholeCommand() {
        return false;
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        try {
            rollback();
        } catch (SQLException e) {
            failure = e;
        }
        // Restored and closed whether or not the rollback worked, unless the connection is gone (its
        // statements with it); a rollback failure stays the error to report.
        if (!aborted) {
            try {
                execute("PRAGMA busy_timeout = " + previousBusyTimeout);
            } catch (SQLException e) {
                failure = firstOf(failure, e);
            }
            try {
                kept.close();
            } catch (SQLException e) {
                failure = firstOf(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static SQLException firstOf(SQLException first, SQLException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void executeKept(String sql) throws SQLException {
        kept.run(connection, sql, PreparedStatement::execute);
    }

    private long queryLong(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return longOf(row);
        }
    }

    private long queryLongKept(String sql) throws SQLException {
        return kept.run(connection, sql, statement -> {
            try (ResultSet row = statement.executeQuery()) {
                return longOf(row);
            }
        });
    }

    private static long longOf(ResultSet row) throws SQLException {
        row.next();
        return row.getLong(1);
    }
}
