package dev.cairn.runtime.internal.sqlite;

import dev.cairn.runtime.Database;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationContext;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.spi.BackupOptions;
import dev.cairn.runtime.spi.DatabaseError;
import dev.cairn.runtime.spi.DatabaseSupport;
import dev.cairn.runtime.spi.ForeignKeyGuard;
import dev.cairn.runtime.spi.LockRequest;
import dev.cairn.runtime.spi.MigrationLock;
import dev.cairn.runtime.spi.StatementCanceller;
import dev.cairn.runtime.spi.TableRebuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConnection;

/** SQLite: no schemas, a file write lock, table rebuilds with foreign keys switched off, the online backup API. */
final class SqliteSupport implements DatabaseSupport, TableRebuilder {

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_NOMEM = 7;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_INTERRUPT = 9;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_FULL = 13;

    /** SQLite's sentences for creating what exists, as its driver quotes them in parentheses. */
    private static final Pattern ALREADY_EXISTS =
            Pattern.compile("\\((?:table|index|view|trigger) \\S+ already exists\\)|\\(duplicate column name: ");

    private final Database database;

    SqliteSupport(String version) {
        this.database = Database.of(Database.Kind.SQLITE, "SQLite", version,
                EnumSet.of(Database.Capability.TRANSACTIONAL_DDL, Database.Capability.TABLE_REBUILD));
    }

    @Override
    public Database database() {
        return database;
    }

    @Override
    public String qualify(String table) {
        return table;
    }

    @Override
    public List<String> createHistoryTable(String table) {
        return List.of("CREATE TABLE IF NOT EXISTS " + table + " (version TEXT NOT NULL PRIMARY KEY,"
                + " description TEXT NOT NULL, checksum TEXT NOT NULL, installed_on TEXT NOT NULL,"
                + " installed_by TEXT NOT NULL, execution_ms INTEGER NOT NULL)");
    }

    /**
     * The log table, numbered by its rowid: as Cairn never deletes a log row, the next id is
     * always past every earlier one without {@code AUTOINCREMENT}, whose counter table every step
     * would write too. (Logs made before keep their {@code AUTOINCREMENT}; both read the same.)
     */
    @Override
    public List<String> createLogTable(String table) {
        return List.of("CREATE TABLE IF NOT EXISTS " + table + " (id INTEGER PRIMARY KEY,"
                + " version TEXT NOT NULL, description TEXT NOT NULL, action TEXT NOT NULL,"
                + " checksum TEXT NOT NULL, logged_on TEXT NOT NULL, logged_by TEXT NOT NULL,"
                + " execution_ms INTEGER NOT NULL, detail TEXT NOT NULL)");
    }

    @Override
    public List<String> createStateTable(String table) {
        return List.of("CREATE TABLE IF NOT EXISTS " + table + " (id INTEGER NOT NULL PRIMARY KEY,"
                + " fingerprint TEXT NOT NULL)");
    }

    @Override
    public boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            statement.setString(1, table);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    @Override
    public boolean isUndefinedTable(SQLException error) {
        return String.valueOf(error.getMessage()).contains("no such table");
    }

    @Override
    public MigrationLock lock(LockRequest request) throws SQLException {
        return new SqliteWriteLock(request.work(), request.timeout(), request.database());
    }

    @Override
    public Optional<TableRebuilder> tableRebuilder() {
        return Optional.of(this);
    }

    @Override
    public boolean needsForeignKeysOff(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("PRAGMA foreign_keys")) {
            return row.next() && row.getInt(1) == 1;
        }
    }

    @Override
    public ForeignKeyGuard foreignKeysOff(Connection connection) throws SQLException {
        return SqliteForeignKeysOff.switchOff(connection);
    }

    @Override
    public void rebuild(MigrationContext db, String table, String definition, Map<String, String> copy)
            throws SQLException {
        new SqliteTableRebuild(db).rebuild(table, definition, copy);
    }

    @Override
    public boolean isReadOnly(SQLException error) {
        // SQLite's own sentence, not any error mentioning "readonly" (a column may be called that).
        return (error.getErrorCode() & 0xFF) == SQLITE_READONLY
                || String.valueOf(error.getMessage()).contains("attempt to write a readonly database");
    }

    @Override
    public DatabaseError classify(SQLException error) {
        return switch (error.getErrorCode() & 0xFF) {
            // SQLITE_LOCKED comes from within one connection (a table dropped under an open result
            // set): the migration's own doing, unlike SQLITE_BUSY, another connection's lock.
            case SQLITE_BUSY -> DatabaseError.LOCK;
            case SQLITE_NOMEM, SQLITE_IOERR, SQLITE_FULL -> DatabaseError.RESOURCES;
            case SQLITE_INTERRUPT -> DatabaseError.CANCELLED;
            // SQLite reports "table routers already exists" as a plain SQLITE_ERROR.
            default -> ALREADY_EXISTS.matcher(String.valueOf(error.getMessage())).find() ? DatabaseError.ALREADY_EXISTS
                    : DatabaseError.OTHER;
        };
    }

    /** SQLite interrupts a connection's running statement from any thread. */
    @Override
    public StatementCanceller canceller(Connection work, LockRequest.Opener connections) throws SQLException {
        SQLiteConnection sqlite = work.unwrap(SQLiteConnection.class);
        return () -> sqlite.getDatabase().interrupt();
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setString(index, IsoInstant.of(instant));
    }

    @Override
    public Instant getInstant(ResultSet row, String column) throws SQLException {
        return Instant.parse(row.getString(column));
    }

    @Override
    public void backup(Connection connection, Path file, BackupOptions options) throws SQLException {
        int result = connection.unwrap(SQLiteConnection.class).getDatabase()
                .backup("main", file.toAbsolutePath().toString(), null);
        if (result != 0) {
            throw new MigrationException(ErrorCode.BACKUP_FAILED, "The SQLite online backup into " + file
                    + " failed with SQLite result code " + result + ". Check that the directory exists and is writable"
                    + " and that the disk has room.");
        }
    }

    @Override
    public String backupExtension() {
        return ".db";
    }
}
