package dev.cairn.runtime;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What a migration's {@linkplain JavaMigration#preconditions preconditions} and
 * {@linkplain JavaMigration#postconditions postconditions} are written with: named checks of the
 * database, run on the migration's own connection, inside its transaction.
 *
 * <pre>{@code
 * @Override
 * public void preconditions(Checks checks) throws Exception {
 *     checks.tableExists("planners");
 *     checks.columnMissing("planners", "conversation_context");
 * }
 *
 * @Override
 * public void postconditions(Checks checks) throws Exception {
 *     checks.columnExists("planners", "conversation_context");
 *     checks.equal("every worker copied", "SELECT COUNT(*) FROM workers_v1_backup", "SELECT COUNT(*) FROM workers");
 *     checks.none("no router without a timeout", "SELECT id FROM routers WHERE timeout_seconds IS NULL");
 *     checks.integrity();
 * }
 * }</pre>
 *
 * <p>A check that fails throws at once, which fails the migration: the message names the
 * migration, whether a pre- or a postcondition failed, the check, what it expected and what it
 * found. A failed check fails the migration even if the conditions catch its exception. The
 * checks' queries are not recorded among the migration's statements (a dry run's script does not
 * show them). Tables and columns are found as unquoted SQL names them, whatever the case of the
 * name given (unless it was created quoted in another case), in the connection's current schema
 * unless written {@code schema.table}.
 *
 * <p>A {@code Checks} is for the conditions method it is given to, while it runs.
 */
public interface Checks {

    /** The database being checked: which one it is and what it can do. */
    Database database();

    /** The migration whose conditions these are. */
    MigrationDescriptor migration();

    /** Checks that {@code table} exists. */
    void tableExists(String table) throws SQLException;

    /** Checks that {@code table} does not exist. */
    void tableMissing(String table) throws SQLException;

    /** Checks that {@code table} exists and has {@code column}. */
    void columnExists(String table, String column) throws SQLException;

    /**
     * Checks that {@code table} exists and has no {@code column}. A missing table fails it too: the
     * database is then not what the migration expects either.
     */
    void columnMissing(String table, String column) throws SQLException;

    /**
     * Checks that a query returns no row, such as the rows a data migration left unconverted; when
     * it returns some, the failure shows the first five.
     *
     * @param name what the check ensures, for messages: {@code "no router without a timeout"}
     */
    void none(String name, String sql, Object... params) throws SQLException;

    /**
     * Checks that a query returning one number, such as {@code SELECT COUNT(*) FROM robots}, gives
     * {@code expected}.
     */
    void count(String name, String sql, long expected, Object... params) throws SQLException;

    /**
     * Checks that two queries returning one value each give the same one, such as the row counts of
     * a source and its target: {@code equal("every robot copied", "SELECT COUNT(*) FROM
     * humanoid_robots", "SELECT COUNT(*) FROM robots")}. Numbers are compared by value, whatever
     * their Java type.
     */
    void equal(String name, String sql, String otherSql) throws SQLException;

    /**
     * Checks that a query returning one value gives {@code expected}: numbers are compared by value
     * ({@code 300} equals {@code 300L} and {@code 300.0}), a boolean also equals {@code 1} or
     * {@code 0} (SQLite has no boolean type), anything else by its text.
     */
    void value(String name, String sql, Object expected, Object... params) throws SQLException;

    /**
     * Checks that the database is consistent, as two checks: on SQLite, {@code PRAGMA
     * integrity_check} finds no corruption and {@code PRAGMA foreign_key_check} no row whose
     * foreign key points to a missing row (SQLite does not stop those unless foreign keys are on);
     * on PostgreSQL, which enforces foreign keys itself, no constraint of the current schema was
     * left {@code NOT VALID} (its existing rows never checked) and no index is invalid (left by a
     * failed {@code CREATE INDEX CONCURRENTLY}). Failures name what they found. SQLite's
     * {@code integrity_check} reads the whole database file: mind its time on a large one.
     *
     * @throws MigrationException with {@link ErrorCode#INVALID_CONFIGURATION} on another database,
     *     for which Cairn knows no such check: write it with {@link #that}
     */
    void integrity() throws SQLException;

    /**
     * A check of anything else: passes when {@code ok}.
     *
     * @param found what was found, shown when it fails: {@code "3 routers without a name"}
     */
    void that(String name, boolean ok, String found);

    /** Runs a query, one statement, and maps each row, for checks of your own. */
    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) throws SQLException;

    /** Runs a query expected to return at most one row; empty if it returns none. */
    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) throws SQLException;
}
