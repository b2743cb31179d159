package dev.cairn.runtime.internal.history;

import dev.cairn.runtime.internal.report.LogRow;
import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.LogAction;
import dev.cairn.runtime.LogEntry;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.internal.sql.KeptStatements;
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
 * control transactions and the number of round trips; those that record a migration's step write both its
 * rows in one where the database can.
 *
 * <p>The statements every step repeats (its history row, its log row) are prepared once for the
 * session's connection and kept until {@link #close}. One thread at a time, as the connection.
 */
public final class HistoryStore implements AutoCloseable {

    /** The columns a log row is written with, in the order {@link #bindLog} binds them. */
    private static final String LOG_COLUMNS = " (version, description, action, checksum, logged_on, logged_by, execution_ms, detail)";

    private final DatabaseSupport support;
    private final CairnTable history;
    private final CairnTable log;
    private final CairnTable state;
    private final String insertAppliedSql;
    private final String deleteAppliedSql;
    private final String insertLogSql;
    private final KeptStatements kept = new KeptStatements();

    /**
     * The time to record now, to the millisecond: every database stores it exactly, and reports
     * stay readable.
     */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public HistoryStore(DatabaseSupport support, String historyTable, String logTable, String stateTable) {
        this.support = support;
        this.history = new CairnTable(historyTable, support.qualify(historyTable), "a Cairn history table", List.of("version",
                "description", "checksum", "installed_on", "installed_by", "execution_ms"), "Choose another historyTable for Cairn.");
        this.log = new CairnTable(logTable, support.qualify(logTable), "a Cairn log table", List.of("id", "version", "description",
                "action", "checksum", "logged_on", "logged_by", "execution_ms", "detail"), "Choose another logTable for Cairn.");
        this.state = new CairnTable(stateTable, support.qualify(stateTable), "Cairn's state table", List.of("id", "fingerprint"),
                "Cairn names its state table after the history table: choose another historyTable.");
        this.insertAppliedSql = "INSERT INTO " + history.sql()
                + " (version, description, checksum, installed_on, installed_by, execution_ms) VALUES (?, ?, ?, ?, ?, ?)";
        this.deleteAppliedSql = "DELETE FROM " + history.sql() + " WHERE version = ?";
        this.insertLogSql = "INSERT INTO " + log.sql() + LOG_COLUMNS + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    }

    /**
     * Runs {@code sql} with the values {@code binding} binds, prepared once for the connection:
     * every step writes its rows with the same statements.
     */
    private int update(Connection connection, String sql, Binding binding) throws SQLException {
        return kept.run(connection, sql, statement -> {
            binding.bind(statement);
            return statement.executeUpdate();
        });
    }

    /** Binds a statement's values. */
    @FunctionalInterface
    private interface Binding {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Closes the statements kept for the session's connection, before it goes back to its owner. */
    @Override
    public void close() throws SQLException {
        kept.close();
    }

    /** The history table's name as written in SQL, for messages. */
    public String historyTable() {
        return history.sql();
    }

    /** The log table's name as written in SQL, for messages. */
    public String logTable() {
        return log.sql();
    }

    /** Whether the history table exists, without creating it: for commands that only read. */
    public boolean exists(Connection connection) throws SQLException {
        return support.tableExists(connection, history.name());
    }

    /**
     * Whether the log table exists, without creating it: for commands that only read, since the
     * log may have been dropped while the history stayed.
     */
    public boolean logExists(Connection connection) throws SQLException {
        return support.tableExists(connection, log.name());
    }

    /**
     * Every applied migration, by version, in one query; empty if the history table does not
     * exist. On PostgreSQL a failed statement aborts the transaction it is in, so call this
     * outside one there.
     */
    public Optional<Map<MigrationVersion, AppliedMigration>> tryReadApplied(Connection connection) throws SQLException {
        // The catalog first: a failed read would put "relation does not exist" in the server's
        // log at every first contact. This is the full path, never the up-to-date one.
        if (!exists(connection)) {
            return Optional.empty();
        }
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
     * Refuses a log or state table of another application before anything writes to it; the
     * history table was read first, its columns named, which refuses another application's.
     * Reads the catalog; inside the caller's locked transaction.
     */
    public void createMissing(Connection connection) throws SQLException {
        // A set: on PostgreSQL both tables' statements begin by creating the schema if missing.
        Set<String> ddl = new LinkedHashSet<>();
        if (!support.tableExists(connection, history.name())) {
            ddl.addAll(support.createHistoryTable(history.name()));
        }
        if (!existsAsCairns(connection, log)) {
            ddl.addAll(support.createLogTable(log.name()));
        }
        if (!existsAsCairns(connection, state)) {
            ddl.addAll(support.createStateTable(state.name()));
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : ddl) {
                statement.execute(sql);
            }
        }
    }

    /** Whether {@code table} exists; if it does but is not Cairn's, refuses to go on. */
    private boolean existsAsCairns(Connection connection, CairnTable table) throws SQLException {
        if (!support.tableExists(connection, table.name())) {
            return false;
        }
        table.requireCairns(connection);
        return true;
    }

    /**
     * What to throw for {@code error}, a failed statement on {@code table}: when the table exists
     * but is not Cairn's (an option names another application's table), that, rather than the
     * database's "no such column"; otherwise the error itself.
     */
    private SQLException explained(Connection connection, CairnTable table, SQLException error) {
        if (support.isUndefinedTable(error)) {
            return error;
        }
        try {
            table.requireCairns(connection);
        } catch (SQLException unreadable) {
            error.addSuppressed(unreadable);
        }
        return error;
    }

    /**
     * The fingerprint of the plan the database was last brought up to date with, in one query;
     * empty if none is recorded or the state table does not exist. Outside a transaction on
     * PostgreSQL, as {@link #tryReadApplied}.
     */
    public Optional<String> tryReadFingerprint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(support.fingerprintQuery(state.sql()))) {
            return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            if (support.isUndefinedTable(e)) {
                return Optional.empty();
            }
            throw explained(connection, state, e);
        }
    }

    /**
     * Records that the database is up to date with the plan of {@code fingerprint}; in the
     * transaction that made it so, under the lock.
     */
    public void recordFingerprint(Connection connection, String fingerprint) throws SQLException {
        clearFingerprint(connection);
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + state.sql()
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
            statement.executeUpdate("DELETE FROM " + state.sql());
        }
    }

    /**
     * Every applied migration, by version, in one query; refuses a history table with two rows
     * of one version (such as {@code "2"} and {@code "2.0"}, which someone wrote by hand), on
     * which no command can know what is applied.
     */
    public Map<MigrationVersion, AppliedMigration> readApplied(Connection connection) throws SQLException {
        Map<MigrationVersion, AppliedMigration> applied = new LinkedHashMap<>();
        List<List<AppliedMigration>> duplicated = new ArrayList<>();
        for (List<AppliedMigration> rows : byVersion(readRows(connection)).values()) {
            applied.put(rows.get(0).version(), rows.get(0));
            if (rows.size() > 1) {
                duplicated.add(rows);
            }
        }
        if (!duplicated.isEmpty()) {
            throw duplicated(duplicated);
        }
        return applied;
    }

    /** Every row of the history table, in one query, as stored: a version may have two. */
    public List<AppliedMigration> readRows(Connection connection) throws SQLException {
        List<AppliedMigration> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT version, description, checksum, installed_on, installed_by,"
                        + " execution_ms FROM " + history.sql())) {
            while (row.next()) {
                String stored = row.getString("version");
                String where = "version " + stored;
                rows.add(new AppliedMigration(stored, parseStored(stored, history.sql()), row.getString("description"),
                        row.getString("checksum"), instant(row, "installed_on", history.sql(), where),
                        row.getString("installed_by"), row.getLong("execution_ms")));
            }
        } catch (SQLException e) {
            throw explained(connection, history, e);
        }
        return rows;
    }

    /** History rows grouped by the version they record, in the order read. */
    public static Map<MigrationVersion, List<AppliedMigration>> byVersion(List<AppliedMigration> rows) {
        Map<MigrationVersion, List<AppliedMigration>> byVersion = new LinkedHashMap<>();
        rows.forEach(row -> byVersion.computeIfAbsent(row.version(), v -> new ArrayList<>()).add(row));
        return byVersion;
    }

    private MigrationException duplicated(List<List<AppliedMigration>> duplicated) {
        StringBuilder text = new StringBuilder("The history table ").append(history.sql())
                .append(duplicated.size() == 1 ? " records a version" : " records versions")
                .append(" more than once, in spellings Cairn reads as the same version:");
        duplicated.forEach(rows -> text.append("\n  ").append(rows.get(0).version()).append(": ")
                .append(String.join(" and ", rows.stream().map(AppliedMigration::describe).toList())));
        text.append("\nSomeone inserted or edited rows by hand, and Cairn cannot tell which one is right. Run status to see"
                + " which carries this build's checksum, delete the other by hand (DELETE FROM ").append(history.sql())
                .append(" WHERE version = '...', with the version as stored), then run repair, which gives the row kept"
                        + " this build's checksum. Nothing was changed.");
        return new MigrationException(ErrorCode.DATABASE_ERROR, text.toString());
    }

    /** Records {@code migration} as applied and returns the row as written. */
    public AppliedMigration insertApplied(Connection connection, MigrationDescriptor migration, Instant on, String by,
            long millis) throws SQLException {
        update(connection, insertAppliedSql, statement -> bindApplied(statement, migration, on, by, millis));
        return appliedRow(migration, on, by, millis);
    }

    /** Binds the six parameters of {@link #insertAppliedSql}; returns the number of the next one. */
    private int bindApplied(PreparedStatement statement, MigrationDescriptor migration, Instant on, String by, long millis)
            throws SQLException {
        statement.setString(1, migration.version().toString());
        statement.setString(2, migration.description());
        statement.setString(3, migration.checksum());
        support.setInstant(statement, 4, on);
        statement.setString(5, by);
        statement.setLong(6, millis);
        return 7;
    }

    /** The history row {@link #insertApplied} writes. */
    public static AppliedMigration appliedRow(MigrationDescriptor migration, Instant on, String by, long millis) {
        return new AppliedMigration(migration.version().toString(), migration.version(), migration.description(),
                migration.checksum(), on, by, millis);
    }

    public void deleteApplied(Connection connection, AppliedMigration migration) throws SQLException {
        update(connection, deleteAppliedSql, statement -> statement.setString(1, migration.storedVersion()));
    }

    /** Whether {@link #recordStep} writes the history row and the log row in one statement, which can check a lock. */
    public boolean recordsStepInOneStatement() {
        return support.writesTwoTablesInOneStatement();
    }

    /**
     * Records a step of {@code migration} with its log row of {@code action}: {@link LogAction#APPLY}
     * inserts its history row, {@link LogAction#ROLLBACK} deletes {@code current}, its history row.
     * Where {@link #recordsStepInOneStatement()}, in one statement, whose log row is written only
     * if {@code whileHeld} (a lock's SQL condition) is true; elsewhere in two, and {@code whileHeld}
     * must be empty.
     *
     * @return whether the log row was written: {@code false} only when {@code whileHeld} was false,
     *     and then the caller rolls the transaction back, history change and all
     */
    public boolean recordStep(Connection connection, MigrationDescriptor migration, AppliedMigration current, LogAction action,
            Instant on, String by, long millis, Optional<String> whileHeld) throws SQLException {
        if (!recordsStepInOneStatement()) {
            if (whileHeld.isPresent()) {
                throw new IllegalArgumentException("a lock condition needs the step recorded in one statement");
            }
            if (action == LogAction.APPLY) {
                insertApplied(connection, migration, on, by, millis);
            } else {
                deleteApplied(connection, current);
            }
            log(connection, migration, action, on, by, millis, "");
            return true;
        }
        // A data-modifying WITH runs once, to completion, whether or not the statement reads it.
        String sql = "WITH recorded AS (" + (action == LogAction.APPLY ? insertAppliedSql : deleteAppliedSql) + ") INSERT INTO "
                + log.sql() + LOG_COLUMNS + " SELECT ?, ?, ?, ?, ?, ?, ?, ?" + whileHeld.map(held -> " WHERE " + held).orElse("");
        return update(connection, sql, statement -> {
            int next;
            if (action == LogAction.APPLY) {
                next = bindApplied(statement, migration, on, by, millis);
            } else {
                statement.setString(1, current.storedVersion());
                next = 2;
            }
            bindLog(statement, next, migration, action, on, by, millis, "");
        }) == 1;
    }

    public void updateChecksum(Connection connection, AppliedMigration migration, String checksum) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + history.sql() + " SET checksum = ? WHERE version = ?")) {
            statement.setString(1, checksum);
            statement.setString(2, migration.storedVersion());
            statement.executeUpdate();
        }
    }

    /** Appends a row to the log. */
    public void log(Connection connection, MigrationDescriptor migration, LogAction action, Instant on, String by,
            long millis, String detail) throws SQLException {
        update(connection, insertLogSql, statement -> bindLog(statement, 1, migration, action, on, by, millis, detail));
    }

    /** Binds the eight values of a log row, from parameter {@code first} on. */
    private void bindLog(PreparedStatement statement, int first, MigrationDescriptor migration, LogAction action, Instant on,
            String by, long millis, String detail) throws SQLException {
        statement.setString(first, migration.version().toString());
        statement.setString(first + 1, migration.description());
        statement.setString(first + 2, action.name());
        statement.setString(first + 3, migration.checksum());
        support.setInstant(statement, first + 4, on);
        statement.setString(first + 5, by);
        statement.setLong(first + 6, millis);
        statement.setString(first + 7, detail);
    }

    /** The whole log, oldest first. */
    public List<LogEntry> readLog(Connection connection) throws SQLException {
        return queryLog(connection, "FROM " + log.sql() + " ORDER BY id");
    }

    /**
     * The failures and running markers not closed by a later row of the same version: the
     * migrations whose last attempt failed or was interrupted. One query.
     */
    public Map<MigrationVersion, LogEntry> openAttempts(Connection connection) throws SQLException {
        return lastOfEach(connection, "l.action IN ('FAIL', 'RUNNING') AND ", "");
    }

    /**
     * The last row of each version that applied, baselined or rolled it back: whether the log
     * says it is applied, which a history row deleted by hand contradicts. One query.
     */
    public Map<MigrationVersion, LogEntry> lastApplyOrRollback(Connection connection) throws SQLException {
        return lastOfEach(connection, "", " AND m.action IN ('APPLY', 'BASELINE', 'ROLLBACK')");
    }

    /**
     * For each version, its last log row among those matching {@code among} (on rows
     * {@code m}), if it matches {@code which} (on rows {@code l}), in log order.
     */
    private Map<MigrationVersion, LogEntry> lastOfEach(Connection connection, String which, String among)
            throws SQLException {
        Map<MigrationVersion, LogEntry> last = new LinkedHashMap<>();
        for (LogEntry entry : queryLog(connection, "FROM " + log.sql() + " l WHERE " + which + "l.id = (SELECT"
                + " max(m.id) FROM " + log.sql() + " m WHERE m.version = l.version" + among + ") ORDER BY l.id")) {
            last.put(entry.version(), entry);
        }
        return last;
    }

    /**
     * The log rows of {@code from}, the query after its select list: the columns are named, so
     * that a table of another application fails even when it has no rows.
     */
    private List<LogEntry> queryLog(Connection connection, String from) throws SQLException {
        List<LogEntry> entries = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT " + String.join(", ", log.columns()) + " " + from)) {
            while (row.next()) {
                String where = "id " + row.getLong("id") + ", version " + row.getString("version");
                entries.add(new LogRow(row.getLong("id"), parseStored(row.getString("version"), log.sql()),
                        row.getString("description"), action(row.getString("action"), where), row.getString("checksum"),
                        instant(row, "logged_on", log.sql(), where), row.getString("logged_by"), row.getLong("execution_ms"),
                        row.getString("detail")));
            }
        } catch (SQLException e) {
            throw explained(connection, log, e);
        }
        return entries;
    }

    private LogAction action(String stored, String where) {
        try {
            return LogAction.valueOf(stored);
        } catch (IllegalArgumentException e) {
            throw handEdited(log.sql(), where, "action", stored, e);
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
