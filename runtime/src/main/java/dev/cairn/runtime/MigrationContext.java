package dev.cairn.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a running migration works with: the connection inside its transaction and helpers that
 * record every statement they run, so that dry runs can show them and failures can name them.
 *
 * <p>Statements run directly on {@link #connection()} work too, but are not recorded.
 *
 * <p>The context and its connection are for the migration's {@code up()} or {@code down()} while
 * it runs: once it has returned, every use (from a thread it started, say) is refused, so that it
 * cannot land in what Cairn does next on the same connection.
 */
public interface MigrationContext {

    /**
     * The connection of the running migration, for what the helpers below do not cover (batches,
     * streams, the driver's own interfaces). Its transaction is Cairn's, which commits it with the
     * migration's history row, so the connection refuses what would end, begin or close it:
     * {@code commit()}, {@code rollback()}, {@code setAutoCommit}, {@code close()}, {@code abort},
     * and statements such as {@code COMMIT}, {@code ROLLBACK} or {@code BEGIN}, throwing a
     * {@link MigrationException} that fails the migration even if caught. Savepoints work as usual
     * ({@code setSavepoint}, {@code rollback(savepoint)}, {@code ROLLBACK TO SAVEPOINT}). It
     * unwraps to interfaces only (such as {@code org.postgresql.PGConnection} for the COPY API),
     * which are guarded alike; never to the driver's connection class. In a non-transactional
     * migration each statement commits as it runs, and the same calls are refused: there is no
     * transaction of its own to end, and one it began would still be open when Cairn records it.
     */
    Connection connection();

    /** The database being migrated: which one it is and what it can do. */
    Database database();

    /** The migration being run. */
    MigrationDescriptor migration();

    /** Whether this is a dry run, whose transaction is rolled back at the end. */
    boolean isDryRun();

    /**
     * Runs SQL and returns the update count (0 for DDL). The SQL may hold several statements
     * separated by semicolons, as a script does; they run one by one, each recorded on its own,
     * and the counts add up. Semicolons inside quotes, comments, PostgreSQL's dollar-quoted bodies
     * and a trigger's {@code BEGIN ... END} do not separate statements. Without parameters, the
     * SQL runs as written, so that PostgreSQL's {@code ?}, {@code ?|} and {@code ?&} operators
     * work; with {@code ?} parameters, it must be one statement, and a {@code ?} operator is
     * written {@code ??}.
     */
    int execute(String sql, Object... params) throws SQLException;

    /** Runs a query, one statement, and maps each row. */
    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) throws SQLException;

    /** Runs a query expected to return at most one row; empty if it returns none. */
    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) throws SQLException;

    /** Runs a query and returns each row as a map from column label to value, in column order. */
    List<Map<String, Object>> queryForList(String sql, Object... params) throws SQLException;

    /**
     * Changes, for the rest of this migration, how long its statements wait for a lock another
     * session holds before failing (the {@linkplain Migrator.Builder#statementLockTimeout
     * statementLockTimeout} it started with): longer for a statement that must wait for a busy
     * table, {@link Duration#ZERO} to wait forever.
     */
    void statementLockTimeout(Duration timeout) throws SQLException;

    /**
     * Tells the {@linkplain MigrationListener listeners} how far this migration got: for long
     * work such as a batched data migration, at most a few times a second.
     */
    void reportProgress(Progress progress);

    /**
     * The last statements run through this context, in order: at most the last 50 (binary values
     * shown by their length, long text cut short), so that a long data migration does not keep
     * them all in memory; in a {@linkplain #isDryRun() dry run}, all of them.
     */
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
