package dev.cairn.runtime.internal;

import dev.cairn.runtime.Database;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationContext;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationEvent;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.Progress;
import dev.cairn.runtime.RowMapper;
import dev.cairn.runtime.spi.DatabaseSupport;
import dev.cairn.runtime.spi.TableRebuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link MigrationContext} of one running migration. Records each statement before running
 * it, so that a dry run can list them and a failure can name the one that failed.
 */
final class RecordingContext implements MigrationContext {

    private final Connection connection;
    private final DatabaseSupport support;
    private final MigrationDescriptor migration;
    private final boolean dryRun;
    private final Listeners listeners;
    private final MigrationEvent event;
    private final List<String> statements = new ArrayList<>();
    private String failedStatement;
    private boolean foreignKeysOffRequested;

    RecordingContext(Connection connection, DatabaseSupport support, MigrationDescriptor migration, boolean dryRun,
            Listeners listeners, MigrationEvent event) {
        this.connection = connection;
        this.support = support;
        this.migration = migration;
        this.dryRun = dryRun;
        this.listeners = listeners;
        this.event = event;
    }

    @Override
    public Connection connection() {
        return connection;
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
        failedStatement = null;
        try (PreparedStatement statement = prepare(sql, params)) {
            boolean hasRows = statement.execute();
            return hasRows ? 0 : Math.max(statement.getUpdateCount(), 0);
        } catch (SQLException e) {
            failedStatement = describe(sql, params);
            throw e;
        }
    }

    @Override
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        failedStatement = null;
        try (PreparedStatement statement = prepare(sql, params); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            failedStatement = describe(sql, params);
            throw e;
        }
    }

    @Override
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        List<T> rows = query(sql, mapper, params);
        if (rows.size() > 1) {
            failedStatement = describe(sql, params);
            throw new SQLException("expected at most one row but the query returned " + rows.size());
        }
        return rows.stream().findFirst();
    }

    @Override
    public List<Map<String, Object>> queryForList(String sql, Object... params) throws SQLException {
        return query(sql, RecordingContext::rowAsMap, params);
    }

    private static Map<String, Object> rowAsMap(ResultSet row) throws SQLException {
        ResultSetMetaData meta = row.getMetaData();
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            map.put(meta.getColumnLabel(i), row.getObject(i));
        }
        return map;
    }

    @Override
    public void reportProgress(Progress progress) {
        listeners.onProgress(event, Objects.requireNonNull(progress, "progress"));
    }

    @Override
    public List<String> statements() {
        return List.copyOf(statements);
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
        if (rebuilder.needsForeignKeysOff(connection)) {
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
    String failedStatement() {
        return failedStatement;
    }

    /** Whether a table rebuild asked for the migration to start over with foreign keys off. */
    boolean foreignKeysOffRequested() {
        return foreignKeysOffRequested;
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        statements.add(describe(sql, params));
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

    private static String describe(String sql, Object... params) {
        return StatementText.of(sql, params);
    }
}
