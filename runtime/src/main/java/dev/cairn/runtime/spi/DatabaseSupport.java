package dev.cairn.runtime.spi;

import dev.cairn.runtime.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
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
