package dev.cairn.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a running migration works with: the connection inside its transaction and helpers that
 * record every statement they run, so that dry runs can show them and failures can name them.
 *
 * <p>Statements run directly on {@link #connection()} work too, but are not recorded.
 */
public interface MigrationContext {

    /** The connection of the running migration; do not commit, roll back or close it. */
    Connection connection();

    /** The database being migrated: which one it is and what it can do. */
    Database database();

    /** The migration being run. */
    MigrationDescriptor migration();

    /** Whether this is a dry run, whose transaction is rolled back at the end. */
    boolean isDryRun();

    /**
     * Runs one SQL statement with {@code ?} parameters and returns the update count
     * (0 for DDL).
     */
    int execute(String sql, Object... params) throws SQLException;

    /** Runs a query and maps each row. */
    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) throws SQLException;

    /** Runs a query expected to return at most one row; empty if it returns none. */
    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) throws SQLException;

    /** Runs a query and returns each row as a map from column label to value, in column order. */
    List<Map<String, Object>> queryForList(String sql, Object... params) throws SQLException;

    /**
     * Tells the {@linkplain MigrationListener listeners} how far this migration got: for long
     * work such as a batched data migration, at most a few times a second.
     */
    void reportProgress(Progress progress);

    /** The statements run through this context so far, in order. */
    List<String> statements();

    /**
     * SQLite only: changes a table in a way {@code ALTER TABLE} cannot (a column's type or
     * constraints, a dropped constraint), the way SQLite's documentation prescribes: create the
     * new table under a temporary name, copy the rows, drop the old table, rename the new one,
     * and recreate the old table's indexes and triggers.
     *
     * <p>The rebuild needs foreign key enforcement off, and SQLite only switches it outside a
     * transaction. Migrations otherwise run with the connection's setting, as in {@code sqlite3}
     * (so {@code ON DELETE CASCADE} fires). So when this is called while the keys are enforced,
     * Cairn rolls the migration's transaction back (nothing it did remains), switches enforcement
     * off, and runs the migration again from the start; before commit it runs
     * {@code PRAGMA foreign_key_check} and fails the migration on any violation that was not there
     * before it; after the transaction it switches enforcement on again. <b>A migration that calls
     * this may therefore have its {@code up()} (or {@code down()}) started twice</b>: it must have
     * no effects outside this transaction (a file, a message, or a write through another
     * connection would happen twice), and should call this before any slow work. A
     * non-transactional migration cannot call it at all: a rebuild must be all or nothing. In a
     * {@linkplain dev.cairn.runtime.Migrator#dryRun() dry run}, which is one transaction, a rebuild
     * makes the whole plan run with foreign keys off.
     *
     * <pre>{@code
     * db.rebuildTable("routers", "id INTEGER PRIMARY KEY, name TEXT NOT NULL, timeout_seconds INTEGER NOT NULL",
     *         Map.of("id", "id", "name", "name", "timeout_seconds", "COALESCE(timeout_seconds, 300)"));
     * }</pre>
     *
     * @param table the table to rebuild; it keeps its name
     * @param definition the new table's columns and constraints: what goes between the
     *     parentheses of {@code CREATE TABLE}
     * @param copy for each column of the new table to fill, the SQL expression over the old
     *     table's columns that fills it
     * @throws dev.cairn.runtime.MigrationException on a database without
     *     {@link Database.Capability#TABLE_REBUILD}, such as PostgreSQL, whose ALTER TABLE does it directly
     */
    void rebuildTable(String table, String definition, Map<String, String> copy) throws SQLException;
}
