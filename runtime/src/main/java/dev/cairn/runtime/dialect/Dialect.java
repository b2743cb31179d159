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
 * look, whether DDL is transactional, how to back it up. Chosen once per connection from its
 * {@link java.sql.DatabaseMetaData} by {@link Dialects#detect}; the engine never asks which
 * database it is talking to.
 */
public interface Dialect {

    /** The database's name as users know it, such as {@code "PostgreSQL"}. */
    String name();

    /** Whether DDL statements take part in transactions, which dry runs rely on. */
    boolean transactionalDdl();

    /** A table of Cairn's, qualified with the configured schema where the database has schemas. */
    String qualify(String table);

    /** The statements that create Cairn's schema (if any) and tables when they are missing. */
    List<String> createTables(String historyTable, String logTable);

    /** Whether Cairn's history table exists; reads the catalog only. */
    boolean tableExists(Connection connection, String table) throws SQLException;

    /**
     * Takes the migration lock for a command that writes. The lock is released by closing it,
     * and by the database itself if the process dies.
     */
    MigrationLock lock(LockRequest request) throws SQLException;

    /**
     * Prepares a connection for one migration's transaction, before the transaction begins.
     * SQLite switches foreign key enforcement off (it cannot be switched inside a transaction)
     * so that tables can be rebuilt, and checks the keys before commit instead.
     */
    ForeignKeyGuard guardForeignKeys(Connection connection) throws SQLException;

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
