package dev.cairn.runtime.internal;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.spi.DatabaseOptions;
import dev.cairn.runtime.spi.DatabaseSupport;
import dev.cairn.runtime.internal.history.HistoryStore;
import dev.cairn.runtime.spi.LockRequest;
import dev.cairn.runtime.spi.MigrationLock;
import dev.cairn.runtime.spi.Restorer;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One command's connection to the database, with its database support and Cairn's tables. Commands that
 * write also take the {@link #lock()}.
 */
final class Session implements AutoCloseable {

    private static final Logger LOG = System.getLogger(Migrator.LOGGER_NAME);

    private final Settings settings;
    private final Connection connection;
    private final DatabaseSupport support;
    private final HistoryStore history;
    private final String database;
    private final boolean callersAutoCommit;

    private Session(Settings settings, Connection connection, boolean callersAutoCommit, DatabaseSupport support, String database) {
        this.settings = settings;
        this.connection = connection;
        this.callersAutoCommit = callersAutoCommit;
        this.support = support;
        this.database = database;
        this.history = new HistoryStore(support, settings.historyTable(), settings.logTable(), settings.stateTable());
    }

    static Session open(Settings settings) {
        Connection connection;
        try {
            connection = settings.connections().open();
        } catch (SQLException e) {
            throw new MigrationException(ErrorCode.CONNECTION, "Cannot connect to " + settings.connections().describe()
                    + ": " + e.getMessage() + (e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]")
                    + ". Check that the database server is running and reachable, and the URL, user and password."
                    + " Nothing was changed.", e);
        }
        try {
            // Cairn runs its own transactions; a pooled connection may come in manual-commit mode,
            // which close() gives back.
            boolean callersAutoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            String described = ConnectionSource.redact(connection.getMetaData().getURL());
            DatabaseSupport support = Databases.detect(connection, new DatabaseOptions(settings.schema(), described));
            return new Session(settings, connection, callersAutoCommit, support,
                    support.database().productName() + " database " + described);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new MigrationException(ErrorCode.CONNECTION, "Cannot identify the database behind "
                    + settings.connections().describe() + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Work against the database that may fail with an {@link SQLException}. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work}, turning a database error of Cairn's own work into a clear {@link MigrationException}. */
    <T> T run(String doing, Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw failure(doing, e);
        }
    }

    /** Bounds the waits of this session's statements for other sessions' locks by the lock timeout, until closed. */
    Restorer limitLockWaits() throws SQLException {
        return support.limitLockWaits(connection, settings.lockTimeout(), false);
    }

    /** Takes the migration lock, waiting up to the lock timeout. */
    MigrationLock lock() {
        return lock(LockRequest.WhileWaiting.NOTHING);
    }

    /** Takes the migration lock, waiting up to the lock timeout, doing {@code whileWaiting} between tries. */
    MigrationLock lock(LockRequest.WhileWaiting whileWaiting) {
        try {
            return support.lock(new LockRequest(connection, settings.connections()::open, history.historyTable(),
                    settings.lockTimeout(), database, whileWaiting));
        } catch (SQLException e) {
            throw failure("take the migration lock", e);
        }
    }

    Connection connection() {
        return connection;
    }

    DatabaseSupport support() {
        return support;
    }

    HistoryStore history() {
        return history;
    }

    Settings settings() {
        return settings;
    }

    /**
     * Tells whether a database session named in a running marker is still connected, where the
     * database names sessions. A failed check tells nothing, and the marker is judged as before.
     */
    AttemptOutcome.SessionCheck sessionCheck() {
        return support.sessions().<AttemptOutcome.SessionCheck>map(sessions -> name -> {
            try {
                return Optional.of(sessions.alive(connection, name));
            } catch (SQLException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }).orElse(AttemptOutcome.SessionCheck.NONE);
    }

    /** The name of this session's database session, where the database names sessions. */
    Optional<String> sessionName() throws SQLException {
        return support.sessions().isPresent() ? Optional.of(support.sessions().get().current(connection)) : Optional.empty();
    }

    /** The database as messages name it, without credentials. */
    String database() {
        return database;
    }

    /**
     * The error for a failure of Cairn's own work (its tables, its lock), as opposed to a
     * migration's: says whether the database refuses writes, or another session's lock was in the way.
     */
    MigrationException failure(String doing, SQLException e) {
        String error = e.getMessage() + (e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]");
        if (FailureCause.of(e, support) == FailureCause.LOCK) {
            return new MigrationException(ErrorCode.LOCK_TIMEOUT, "Cannot " + doing + " on " + database + ": another"
                    + " connection held a lock on it for longer than lockTimeout (" + settings.lockTimeout().toMillis()
                    + " ms): " + error + ". Probably another process is reading or writing the database in a long"
                    + " transaction: wait for it and retry, or raise lockTimeout. Migrations reported as applied before"
                    + " this error stay applied; nothing else was changed.", e);
        }
        if (support.isReadOnly(e)) {
            return new MigrationException(ErrorCode.READ_ONLY, "Cannot " + doing + ": " + database + " is read-only ("
                    + error + "). Cairn writes its tables " + history.historyTable() + " and " + settings.logTable()
                    + " to migrate; connect with a user or a file that can write. Nothing was changed.", e);
        }
        return new MigrationException(ErrorCode.DATABASE_ERROR, "Cannot " + doing + " on " + database + ": " + error
                + ". Migrations reported as applied before this error stay applied; nothing else was changed.", e);
    }

    /**
     * Gives the connection its caller's commit mode back and closes it. A failure is only logged:
     * the command's work is committed or rolled back by then, and its report or error is what
     * the caller needs.
     */
    @Override
    public void close() {
        try (connection; history) {
            if (!callersAutoCommit && !connection.isClosed()) {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Cannot close the connection to " + database + " after Cairn's work on it, which is"
                    + " finished: " + e.getMessage(), e);
        }
    }
}
