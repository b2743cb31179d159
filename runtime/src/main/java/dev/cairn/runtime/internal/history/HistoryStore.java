package dev.cairn.runtime.internal.history;

import dev.cairn.runtime.internal.report.LogRow;
import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.LogAction;
import dev.cairn.runtime.LogEntry;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.spi.DatabaseSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes Cairn's tables: the history table (exactly the applied migrations), the
 * append-only log of everything that happened, and the one-row state table holding the fingerprint
 * of the plan the database was last brought up to date with. Each method is one statement, so that callers
 * control transactions and the number of round trips.
 */
public final class HistoryStore {

    private final DatabaseSupport support;
    private final String historyName;
    private final String logName;
    private final String stateName;
    private final String history;
    private final String log;
    private final String state;

    /**
     * The time to record now, to the millisecond: every database stores it exactly, and reports
     * stay readable.
     */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public HistoryStore(DatabaseSupport support, String historyTable, String logTable, String stateTable) {
        this.support = support;
        this.historyName = historyTable;
        this.logName = logTable;
        this.stateName = stateTable;
        this.history = support.qualify(historyTable);
        this.log = support.qualify(logTable);
        this.state = support.qualify(stateTable);
    }

    /** The history table's name as written in SQL, for messages. */
    public String historyTable() {
        return history;
    }

    /** Whether the history table exists, without creating it: for commands that only read. */
    public boolean exists(Connection connection) throws SQLException {
        return support.tableExists(connection, historyName);
    }

    /**
     * Every applied migration, by version, in one query; empty if the history table does not
     * exist. On PostgreSQL a failed statement aborts the transaction it is in, so call this
     * outside one there.
     */
    public Optional<Map<MigrationVersion, AppliedMigration>> tryReadApplied(Connection connection) throws SQLException {
        try {
            return Optional.of(readApplied(connection));
        } catch (SQLException e) {
            if (support.isUndefinedTable(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Creates whichever of Cairn's tables is missing: the log may have been dropped or renamed
     * while the history stayed, and databases migrated before the state table existed lack it.
     * Reads the catalog; inside the caller's locked transaction.
     */
    public void createMissing(Connection connection) throws SQLException {
        // A set: on PostgreSQL both tables' statements begin by creating the schema if missing.
        Set<String> ddl = new LinkedHashSet<>();
        if (!support.tableExists(connection, historyName)) {
            ddl.addAll(support.createHistoryTable(historyName));
        }
        if (!support.tableExists(connection, logName)) {
            ddl.addAll(support.createLogTable(logName));
        }
        if (!support.tableExists(connection, stateName)) {
            ddl.addAll(support.createStateTable(stateName));
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : ddl) {
                statement.execute(sql);
            }
        }
    }

    /**
     * The fingerprint of the plan the database was last brought up to date with, in one query;
     * empty if none is recorded or the state table does not exist. Outside a transaction on
     * PostgreSQL, as {@link #tryReadApplied}.
     */
    public Optional<String> tryReadFingerprint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT fingerprint FROM " + state + " WHERE id = 1")) {
            return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            if (support.isUndefinedTable(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Records that the database is up to date with the plan of {@code fingerprint}; in the
     * transaction that made it so, under the lock.
     */
    public void recordFingerprint(Connection connection, String fingerprint) throws SQLException {
        clearFingerprint(connection);
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + state
                + " (id, fingerprint) VALUES (1, ?)")) {
            statement.setString(1, fingerprint);
            statement.executeUpdate();
        }
    }

    /**
     * Forgets the recorded fingerprint, in the transaction of a command's first change, so that
     * no one reads "up to date" while the history changes.
     */
    public void clearFingerprint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + state);
        }
    }

    /** Every applied migration, by version, in one query. */
    public Map<MigrationVersion, AppliedMigration> readApplied(Connection connection) throws SQLException {
        Map<MigrationVersion, AppliedMigration> applied = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT version, description, checksum, installed_on, installed_by,"
                        + " execution_ms FROM " + history)) {
            while (row.next()) {
                String stored = row.getString("version");
                String where = "version " + stored;
                AppliedMigration migration = new AppliedMigration(stored, parseStored(stored, history),
                        row.getString("description"), row.getString("checksum"), instant(row, "installed_on", history, where),
                        row.getString("installed_by"), row.getLong("execution_ms"));
                applied.put(migration.version(), migration);
            }
        }
        return applied;
    }

    /** Records {@code migration} as applied and returns the row as written. */
    public AppliedMigration insertApplied(Connection connection, MigrationDescriptor migration, Instant on, String by,
            long millis) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + history
                + " (version, description, checksum, installed_on, installed_by, execution_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, migration.version().toString());
            statement.setString(2, migration.description());
            statement.setString(3, migration.checksum());
            support.setInstant(statement, 4, on);
            statement.setString(5, by);
            statement.setLong(6, millis);
            statement.executeUpdate();
        }
        return new AppliedMigration(migration.version().toString(), migration.version(), migration.description(),
                migration.checksum(), on, by, millis);
    }

    public void deleteApplied(Connection connection, AppliedMigration migration) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + history + " WHERE version = ?")) {
            statement.setString(1, migration.storedVersion());
            statement.executeUpdate();
        }
    }

    public void updateChecksum(Connection connection, AppliedMigration migration, String checksum) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + history + " SET checksum = ? WHERE version = ?")) {
            statement.setString(1, checksum);
            statement.setString(2, migration.storedVersion());
            statement.executeUpdate();
        }
    }

    /** Appends a row to the log. */
    public void log(Connection connection, MigrationDescriptor migration, LogAction action, Instant on, String by,
            long millis, String detail) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + log
                + " (version, description, action, checksum, logged_on, logged_by, execution_ms, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, migration.version().toString());
            statement.setString(2, migration.description());
            statement.setString(3, action.name());
            statement.setString(4, migration.checksum());
            support.setInstant(statement, 5, on);
            statement.setString(6, by);
            statement.setLong(7, millis);
            statement.setString(8, detail);
            statement.executeUpdate();
        }
    }

    /** The whole log, oldest first. */
    public List<LogEntry> readLog(Connection connection) throws SQLException {
        return queryLog(connection, "SELECT * FROM " + log + " ORDER BY id");
    }

    /**
     * The failures and running markers not closed by a later row of the same version: the
     * migrations whose last attempt failed or was interrupted. One query.
     */
    public Map<MigrationVersion, LogEntry> openAttempts(Connection connection) throws SQLException {
        Map<MigrationVersion, LogEntry> open = new LinkedHashMap<>();
        for (LogEntry entry : queryLog(connection, "SELECT * FROM " + log + " l WHERE l.action IN ('FAIL', 'RUNNING')"
                + " AND l.id = (SELECT max(m.id) FROM " + log + " m WHERE m.version = l.version) ORDER BY l.id")) {
            open.put(entry.version(), entry);
        }
        return open;
    }

    private List<LogEntry> queryLog(Connection connection, String sql) throws SQLException {
        List<LogEntry> entries = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                String where = "id " + row.getLong("id") + ", version " + row.getString("version");
                entries.add(new LogRow(row.getLong("id"), parseStored(row.getString("version"), log),
                        row.getString("description"), action(row.getString("action"), where), row.getString("checksum"),
                        instant(row, "logged_on", log, where), row.getString("logged_by"), row.getLong("execution_ms"),
                        row.getString("detail")));
            }
        }
        return entries;
    }

    private LogAction action(String stored, String where) {
        try {
            return LogAction.valueOf(stored);
        } catch (IllegalArgumentException e) {
            throw handEdited(log, where, "action", stored, e);
        }
    }

    private Instant instant(ResultSet row, String column, String table, String where) throws SQLException {
        try {
            return support.getInstant(row, column);
        } catch (DateTimeException e) {
            throw handEdited(table, where, column, row.getString(column), e);
        }
    }

    private static MigrationException handEdited(String table, String where, String column, String value, Exception cause) {
        return new MigrationException(ErrorCode.DATABASE_ERROR, "The table " + table + " has a row (" + where + ") whose "
                + column + " is \"" + value + "\", which Cairn cannot read. Someone edited it by hand: correct or delete"
                + " that row. Nothing was changed.", cause);
    }

    private static MigrationVersion parseStored(String stored, String table) {
        return MigrationVersion.tryParse(stored).orElseThrow(() -> new MigrationException(ErrorCode.DATABASE_ERROR,
                "The table " + table + " holds \"" + stored + "\", which is not a migration version. Someone edited it"
                        + " by hand: correct or delete that row."));
    }
}
