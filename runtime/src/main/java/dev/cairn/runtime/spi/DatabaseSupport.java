package dev.cairn.runtime.spi;

import dev.cairn.runtime.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Cairn needs to know about one kind of database: what it is and can do, how to lock, how
 * Cairn's tables look, how to back it up. Returned by a {@link DatabaseProvider} for one
 * command's connection; the engine asks it, never which database it is talking to.
 */
public interface DatabaseSupport {

    /** The database and its capabilities, as migrations see it. */
    Database database();

    /** A table of Cairn's, qualified with the configured schema where the database has schemas. */
    String qualify(String table);

    /** The statements that create Cairn's schema (if any and missing) and its history table. */
    List<String> createHistoryTable(String table);

    /** The statements that create Cairn's schema (if any and missing) and its log table. */
    List<String> createLogTable(String table);

    /**
     * The statements that create Cairn's schema (if any and missing) and its one-row state table:
     * columns {@code id} (integer primary key) and {@code fingerprint} (text up to 200 characters).
     */
    List<String> createStateTable(String table);

    /**
     * The query of the up-to-date check: one column, the fingerprint in the state table's row 1,
     * or no row, or a row of {@code NULL}. It is the one statement of every start, so it may be
     * written so that a missing table gives no row rather than an error, where the server logs
     * errors (PostgreSQL); the default fails on a missing table, which
     * {@link #isUndefinedTable} recognizes.
     *
     * @param stateTable the state table as SQL names it, qualified as {@link #qualify} does
     */
    default String fingerprintQuery(String stateTable) {
        return "SELECT fingerprint FROM " + stateTable + " WHERE id = 1";
    }

    /**
     * Whether one statement can write two tables, the first in a data-modifying {@code WITH}
     * ({@code WITH h AS (INSERT ...) INSERT INTO log SELECT ... WHERE ...}), as PostgreSQL can:
     * Cairn then records a migration's history row and log row in one round trip, its log row
     * under the lock's {@link MigrationLock#heldCondition()}. Default {@code false}: two statements.
     */
    default boolean writesTwoTablesInOneStatement() {
        return false;
    }

    /** Whether a table of Cairn's exists; reads the catalog only. */
    boolean tableExists(Connection connection, String table) throws SQLException;

    /** Whether the error says that a table the statement names does not exist. */
    boolean isUndefinedTable(SQLException error);

    /**
     * Takes the migration lock for a command that writes. The lock is released by closing it,
     * and by the database itself if the process dies.
     */
    MigrationLock lock(LockRequest request) throws SQLException;

    /** Whether the error says the database refuses writes. */
    boolean isReadOnly(SQLException error);

    /**
     * What kind of trouble {@code error} is, where this database's own error codes say more than
     * the standard SQLState classes (which Cairn reads by itself): for example SQLite's
     * {@code SQLITE_BUSY} is a lock wait. {@link DatabaseError#OTHER} leaves it to the SQLState.
     */
    default DatabaseError classify(SQLException error) {
        return DatabaseError.OTHER;
    }

    /** Binds a point in time the way the history tables store it. */
    void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException;

    /** Reads a point in time written by {@link #setInstant}. */
    Instant getInstant(ResultSet row, String column) throws SQLException;

    /**
     * Backs the database up into {@code file}, a consistent copy taken while it stays in use.
     *
     * @throws dev.cairn.runtime.MigrationException with {@code BACKUP_FAILED} saying what to do
     */
    void backup(Connection connection, Path file, BackupOptions options) throws SQLException;

    /** The file name extension of {@link #backup} files, such as {@code ".db"}. */
    String backupExtension();

    /**
     * Bounds how long statements on {@code connection} wait for a lock another session holds
     * (PostgreSQL's {@code lock_timeout}), until the returned handle is closed, which restores the
     * previous bound. Where statements do not wait for such locks (SQLite, whose write lock Cairn
     * takes first), it does nothing.
     *
     * @param limit the longest wait; {@link Duration#ZERO} waits forever
     * @param forTransaction whether the bound is for the current transaction only (it then ends
     *     with it, and closing the handle does nothing)
     */
    default Restorer limitLockWaits(Connection connection, Duration limit, boolean forTransaction)
            throws SQLException {
        return Restorer.NONE;
    }

    /**
     * Prepares the transaction of one migration, just begun on {@code work}: bounds its statements'
     * waits for other sessions' locks for the transaction ({@link #limitLockWaits}), and, where the
     * database shows other sessions what a session does, says which migration runs, so that
     * {@link #runningMigrations} on another connection reads it back while the transaction lasts.
     *
     * @param version the migration's version
     * @param direction "applying" or "rolling back"
     */
    default void beginMigration(Connection work, String version, String direction, Duration lockWaitLimit)
            throws SQLException {
        limitLockWaits(work, lockWaitLimit, true);
    }

    /**
     * The migrations other sessions are running in a transaction right now, as they said with
     * {@link #beginMigration}: each version with who runs it, for status. Reads only; empty where
     * the database cannot tell.
     */
    default Map<String, String> runningMigrations(Connection connection) throws SQLException {
        return Map.of();
    }

    /**
     * What can cancel the statements of {@code work} from another thread, asked before a
     * migration with a timeout starts.
     *
     * @param connections opens another connection to the same database, for databases that cancel
     *     through one
     */
    default StatementCanceller canceller(Connection work, LockRequest.Opener connections) throws SQLException {
        return () -> {
        };
    }

    /**
     * How {@link dev.cairn.runtime.MigrationContext#rebuildTable} works here, for a database with
     * {@link Database.Capability#TABLE_REBUILD}; empty where ALTER TABLE does it directly.
     */
    default Optional<TableRebuilder> tableRebuilder() {
        return Optional.empty();
    }

    /**
     * How to name a session and tell whether it is still connected, for a database that can;
     * empty where a session is the process's own file handle (SQLite), whose liveness Cairn
     * judges by the process.
     */
    default Optional<Sessions> sessions() {
        return Optional.empty();
    }
}
