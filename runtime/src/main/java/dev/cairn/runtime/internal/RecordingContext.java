package dev.cairn.runtime.internal;

import dev.cairn.runtime.Database;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationEvent;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.Progress;
import dev.cairn.runtime.RowMapper;
import dev.cairn.runtime.data.DataMigration;
import dev.cairn.runtime.internal.Failures.Mode;
import dev.cairn.runtime.internal.conditions.Conditions;
import dev.cairn.runtime.internal.data.DataDryRun;
import dev.cairn.runtime.internal.data.DataHost;
import dev.cairn.runtime.internal.sql.SqlFlavor;
import dev.cairn.runtime.internal.sql.SqlSplitter;
import dev.cairn.runtime.internal.sql.SqlStatement;
import dev.cairn.runtime.spi.DatabaseSupport;
import dev.cairn.runtime.spi.TableRebuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@link MigrationContext} of one running migration. Splits the SQL it is given into its
 * statements and runs them one by one: without values as written (so that PostgreSQL's
 * {@code ?} operators stay operators), with values prepared. Records each statement before
 * running it, in a {@link StatementLog}, so that a dry run can list them and a failure can name
 * the one that failed; and keeps the migration's hands off Cairn's transaction through a
 * {@link StepGuard}, which ends when {@link #run} returns.
 */
final class RecordingContext implements MigrationContext, SqlFiles, DataHost.Provider {

    private final Connection connection;
    private final StepGuard guard;
    /** Made when first asked for: most steps only run SQL through the context. */
    private Connection guarded;
    private final DatabaseSupport support;
    private final SqlFlavor flavor;
    private final MigrationDescriptor migration;
    private final boolean dryRun;
    private final Listeners listeners;
    private final MigrationEvent event;
    private final StatementLog log;
    private FailedStatement failedStatement;
    private boolean foreignKeysOffRequested;
    private String sqlFile;
    private DataHost dataHost;

    RecordingContext(Connection connection, DatabaseSupport support, MigrationDescriptor migration, boolean dryRun,
            Listeners listeners, MigrationEvent event) {
        this.connection = connection;
        this.guard = new StepGuard(migration);
        this.support = support;
        this.flavor = SqlFlavor.of(support.database());
        this.migration = migration;
        this.dryRun = dryRun;
        this.listeners = listeners;
        this.event = event;
        this.log = new StatementLog(dryRun);
    }

    /**
     * Runs the migration's {@code up()} (to apply it, or in a dry run) between its preconditions and
     * its postconditions, or {@code down()} (to roll it back), with this context, then ends its use
     * of the connection. A call the guard refused fails the migration even if the migration caught it.
     */
    void run(JavaMigration step, Mode mode) throws Exception {
        guard.running(mode == Mode.ROLLBACK ? "down()" : "up()");
        try {
            if (mode == Mode.ROLLBACK) {
                step.down(this);
            } else {
                // A data migration commits batch by batch and resumes after a crash: it checks its preconditions
                // before its first batch (not again when it resumes) and its postconditions in its last batch's transaction.
                boolean checksItself = step instanceof DataMigration;
                if (!checksItself) {
                    Conditions.preconditions(step, this);
                }
                step.up(this);
                if (!checksItself) {
                    // A failed statement that up() caught and went on from is not what a failed postcondition shows.
                    failedStatement = null;
                    Conditions.postconditions(step, this);
                }
            }
        } catch (Exception | Error e) {
            MigrationException refusal = guard.refusal();
            if (refusal != null && refusal != e) {
                refusal.addSuppressed(e);
                throw refusal;
            }
            throw e;
        } finally {
            guard.end();
        }
        if (guard.refusal() != null) {
            throw guard.refusal();
        }
    }

    @Override
    public synchronized Connection connection() {
        if (guarded == null) {
            guarded = GuardedConnection.of(connection, guard);
        }
        return guarded;
    }

    @Override
    public Database database() {
        return support.database();
    }

    @Override
    public MigrationDescriptor migration() {
        return migration;
    }

    @Override
    public boolean isDryRun() {
        return dryRun;
    }

    @Override
    public int execute(String sql, Object... params) throws SQLException {
        return execute("execute()", sql, params);
    }

    @Override
    public int executeFile(String sql, String file) throws SQLException {
        sqlFile = file;
        return execute(file, sql);
    }

    /** @param origin what a failure message says the SQL is: the method given it, or the file it was read from */
    private int execute(String origin, String sql, Object... params) throws SQLException {
        failedStatement = null;
        List<SqlStatement> statements = SqlSplitter.split(sql, flavor);
        if (params.length > 0 && statements.size() > 1) {
            throw new MigrationException(ErrorCode.MIGRATION_FAILED, "Migration " + migration.displayName() + " gives execute() "
                    + statements.size() + " statements and " + params.length + (params.length == 1 ? " parameter" : " parameters")
                    + ": parameters go with a single statement, so Cairn cannot tell which of them each belongs to. Call"
                    + " execute() once for each statement that takes parameters.");
        }
        return guard.use(() -> {
            int updated = 0;
            for (int i = 0; i < statements.size(); i++) {
                updated += run(origin, sql, statements, i, params, ready -> {
                    boolean hasRows = ready.execute();
                    return hasRows ? 0 : Math.max(ready.statement().getUpdateCount(), 0);
                });
            }
            return updated;
        });
    }

    @Override
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        return rows("query()", sql, mapper, false, params);
    }

    @Override
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        return rows("queryOne()", sql, mapper, true, params).stream().findFirst();
    }

    @Override
    public List<Map<String, Object>> queryForList(String sql, Object... params) throws SQLException {
        return rows("queryForList()", sql, RecordingContext::rowAsMap, false, params);
    }

    /** Runs one query; with {@code atMostOne}, more than one row fails it. */
    private <T> List<T> rows(String method, String sql, RowMapper<T> mapper, boolean atMostOne, Object... params)
            throws SQLException {
        failedStatement = null;
        List<SqlStatement> split = SqlSplitter.split(sql, flavor);
        if (split.size() > 1) {
            throw new MigrationException(ErrorCode.MIGRATION_FAILED, "Migration " + migration.displayName() + " gives "
                    + method + " " + split.size() + " statements: a query is one statement. Run the others with execute().");
        }
        // Without a statement, the driver says what is wrong with the SQL as given.
        List<SqlStatement> statements = split.isEmpty() ? List.of(new SqlStatement(sql, 0, 1, 1)) : split;
        return guard.use(() -> run(method, sql, statements, 0, params, ready -> {
            List<T> result = new ArrayList<>();
            try (ResultSet rows = ready.executeQuery()) {
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
            }
            if (atMostOne && result.size() > 1) {
                throw new SQLException("expected at most one row but the query returned " + result.size());
            }
            return result;
        }));
    }

    private static Map<String, Object> rowAsMap(ResultSet row) throws SQLException {
        ResultSetMetaData meta = row.getMetaData();
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            map.put(meta.getColumnLabel(i), row.getObject(i));
        }
        return map;
    }

    /** A statement ready to run: as written on a plain statement, or prepared with its values. */
    private record Ready(Statement statement, String sql) {
        boolean execute() throws SQLException {
            return statement instanceof PreparedStatement prepared ? prepared.execute() : statement.execute(sql);
        }

        ResultSet executeQuery() throws SQLException {
            return statement instanceof PreparedStatement prepared ? prepared.executeQuery() : statement.executeQuery(sql);
        }
    }

    private interface Execution<T> {
        T run(Ready ready) throws SQLException;
    }

    /**
     * Records and runs statement {@code index} of the SQL given to {@code method}; if it fails,
     * remembers it as the failed statement.
     */
    private <T> T run(String method, String sql, List<SqlStatement> statements, int index, Object[] params,
            Execution<T> execution) throws SQLException {
        SqlStatement statement = statements.get(index);
        log.add(statement.text(), params);
        try {
            guard.checkStatement(statement.text());
            if (params.length == 0) {
                try (Statement plain = connection.createStatement()) {
                    return execution.run(new Ready(plain, statement.text()));
                }
            }
            try (PreparedStatement prepared = prepare(statement.text(), params)) {
                return execution.run(new Ready(prepared, statement.text()));
            }
        } catch (SQLException | RuntimeException e) {
            failedStatement = new FailedStatement(log.last(), statement, index + 1, statements.size(), method,
                    params.length == 0, sql.indexOf('\n') >= 0 || sql.indexOf('\r') >= 0, method.equals(sqlFile));
            throw e;
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    @Override
    public void statementLockTimeout(Duration timeout) throws SQLException {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("statementLockTimeout(" + timeout + ") in migration " + migration.displayName()
                    + ": give a duration such as Duration.ofMinutes(1), or Duration.ZERO to wait forever");
        }
        // A transactional migration's bound ends with its transaction; a non-transactional one's
        // with the step, which restores the command's own bound.
        guard.use(() -> {
            support.limitLockWaits(connection, timeout, migration.transactional());
            return null;
        });
    }

    @Override
    public void reportProgress(Progress progress) {
        listeners.onProgress(event, Objects.requireNonNull(progress, "progress"));
    }

    /** The last {@value StatementLog#KEPT} statements run through this context; in a dry run, all of them. */
    @Override
    public List<String> statements() {
        return log.statements();
    }

    /** How many statements ran through this context. */
    long statementCount() {
        return log.count();
    }

    /**
     * The statements that ran, for a failure message.
     *
     * @param withoutFailed whether to leave out the one that failed, which the message shows on its own
     */
    List<String> statementsForMessage(boolean withoutFailed) {
        return log.forMessage(withoutFailed);
    }

    @Override
    public void rebuildTable(String table, String definition, Map<String, String> copy) throws SQLException {
        if (!migration.transactional()) {
            // Stopped half way in autocommit, a rebuild could leave the table dropped and its rows
            // only in the copy; and foreign keys are switched only around a transaction.
            throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "Migration " + migration.displayName()
                    + " calls rebuildTable(\"" + table + "\") but is non-transactional (transactional = false). A rebuild"
                    + " drops and recreates the table, which must be all or nothing: make the migration transactional,"
                    + " or move the rebuild into a transactional migration of its own.");
        }
        TableRebuilder rebuilder = support.tableRebuilder().orElseThrow(() -> new MigrationException(
                ErrorCode.INVALID_CONFIGURATION, "Migration " + migration.displayName() + " calls rebuildTable(\"" + table
                        + "\"), which is for databases whose ALTER TABLE cannot change a column, such as SQLite. "
                        + support.database().productName() + " changes column types and constraints with ALTER TABLE:"
                        + " use db.execute(\"ALTER TABLE ...\"), or branch on"
                        + " db.database().has(Database.Capability.TABLE_REBUILD)."));
        if (guard.use(() -> rebuilder.needsForeignKeysOff(connection))) {
            // Remembered, not only thrown: up() may catch the signal, and the runner must still start over.
            foreignKeysOffRequested = true;
            throw new RerunWithoutForeignKeys();
        }
        rebuilder.rebuild(this, table, definition, copy);
    }

    /**
     * The statement that failed, if the last statement run through this context failed; a
     * failure that the migration caught and went on from is forgotten at its next statement.
     */
    FailedStatement failedStatement() {
        return failedStatement;
    }

    /** The SQL file the migration's statements came from, or null for a migration written in Java. */
    String sqlFile() {
        return sqlFile;
    }

    /** Lets a data migration's {@code up()} or {@code down()} hand its batches to {@code host}. */
    void dataHost(DataHost host) {
        this.dataHost = host;
    }

    @Override
    public DataHost dataHost() {
        return dataHost;
    }

    /**
     * In a dry run: lets a data migration run its first batch in this context's transaction, of
     * {@code batchSize} rows if given, else of the size it declares.
     *
     * @return what tells, once the step ran, what its batch did (nothing for another kind of migration)
     */
    DataDryRun tryData(JavaMigration step, Duration migrationTimeout, OptionalInt batchSize) {
        DataDryRun data = new DataDryRun(connection, support.database(), migration, this::guard, migrationTimeout,
                () -> Conditions.preconditions(step, this));
        dataHost = data.withBatchSize(batchSize);
        return data;
    }

    /** {@code other} (a parallel worker's connection), guarded as this context's own connection is. */
    Connection guard(Connection other) {
        return other == connection ? connection() : GuardedConnection.of(other, guard);
    }

    /** Whether a table rebuild asked for the migration to start over with foreign keys off. */
    boolean foreignKeysOffRequested() {
        return foreignKeysOffRequested;
    }
}
