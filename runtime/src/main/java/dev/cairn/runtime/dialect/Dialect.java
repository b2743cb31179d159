package dev.cairn.runtime.dialect;

import dev.cairn.runtime.MigrationContext;
import dev.cairn.runtime.lock.LockRequest;
import dev.cairn.runtime.lock.MigrationLock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What Cairn needs to know about one kind of database: how to lock, how its history tables
 * look, how it enforces foreign keys, how to back it up. Chosen once per connection from its
 * {@link java.sql.DatabaseMetaData} by {@link Dialects#detect}; the engine never asks which
 * database it is talking to.
 */
public interface Dialect {

    /** The database's name as users know it, such as {@code "PostgreSQL"}. */
    String name();

    /** A table of Cairn's, qualified with the configured schema where the database has schemas. */
    String qualify(String table);

    /** The statements that create Cairn's schema (if any and missing) and its history table. */
    List<String> createHistoryTable(String table);

    /** The statements that create Cairn's schema (if any and missing) and its log table. */
    List<String> createLogTable(String table);

    /** Whether a table of Cairn's exists; reads the catalog only. */
    boolean tableExists(Connection connection, String table) throws SQLException;

    /** Whether the error says that a table the statement names does not exist. */
    boolean isUndefinedTable(SQLException error);

    /**
     * Takes the migration lock for a command that writes. The lock is released by closing it,
     * and by the database itself if the process dies.
     */
    MigrationLock lock(LockRequest request) throws SQLException;

    /**
     * Whether {@link MigrationContext#rebuildTable} must first have foreign key enforcement
     * switched off: SQLite's rebuild drops the old table, which with enforcement on would
     * cascade to or fail on the rows referencing it. Asked inside the migration's transaction.
     */
    boolean rebuildNeedsForeignKeysOff(Connection connection) throws SQLException;

    /**
     * Switches foreign key enforcement off, outside any transaction (SQLite ignores the switch
     * inside one), for a migration that rebuilds a table. The guard checks the keys before
     * commit instead, and closing it, after the transaction ended, switches enforcement on again.
     */
    ForeignKeyGuard foreignKeysOff(Connection connection) throws SQLException;

    /** Carries out {@link MigrationContext#rebuildTable} for the running migration. */
    void rebuildTable(MigrationContext db, String table, String definition, Map<String, String> copy) throws SQLException;

    /** Whether the error says the database refuses writes. */
    boolean isReadOnly(SQLException error);

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
}
