package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.registry.GeneratedRegistry;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The startup check is one read of the state table, whatever the number of migrations: no lock,
 * no other catalog lookup, no read of the history, no descriptor built. When the recorded fingerprint is
 * missing or different, the full check runs under the lock and records it again. Every
 * statement's SQL is captured on the real database through a thin wrapper, never timed.
 */
class UpToDatePathTest {

    /** The one statement of an up-to-date start; on PostgreSQL written so that a new database logs no error. */
    private static String readState(DbKind kind) {
        return kind == DbKind.SQLITE ? "SELECT fingerprint FROM cairn_history_state WHERE id = 1"
                : "SELECT (xpath('/table/row/fingerprint/text()', query_to_xml('SELECT fingerprint FROM cairn_history_state"
                        + " WHERE id = 1', false, false, '')))[1]::text WHERE to_regclass('cairn_history_state') IS NOT NULL";
    }

    /** How PostgreSQL's lock is taken: in the same round trip, the session's own key for the check below. */
    private static final String TAKE_PG_LOCK = "SELECT CASE WHEN pg_try_advisory_lock(?) THEN pg_try_advisory_lock(?) END";
    /** That the lock and the session's own key are still held, with both keys masked by {@link #masked}. */
    private static final String PG_LOCK_HELD = "NOT pg_try_advisory_xact_lock_shared(<key>)"
            + " AND NOT pg_try_advisory_xact_lock_shared(<key>)";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void upToDateCheck_isOneReadOfTheStateTable_for3And3000Migrations(DbKind kind) {
        List<String> three = statementsOfUpToDateCheck(kind, 3);
        List<String> threeThousand = statementsOfUpToDateCheck(kind, 3000);

        assertEquals(List.of(readState(kind)), three);
        assertEquals(three, threeThousand);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void upToDateCheck_ofAGeneratedRegistry_buildsNoDescriptorAndCreatesNoStep(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator.configure(new CountingRegistry(500, "plan1:unknown"), db.dataSource()).load().baseline("500");
        // What Cairn recorded is what the plan's migrations give: a processor states the same.
        String fingerprint = db.rows("SELECT fingerprint FROM cairn_history_state").get(0);
        CountingRegistry fresh = new CountingRegistry(500, fingerprint);

        MigrationReport report = Migrator.configure(fresh, db.dataSource()).load().migrate();

        assertTrue(report.isUpToDate(), report.summary());
        assertEquals(0, fresh.described, "descriptors built on the up-to-date path");
        assertEquals(0, fresh.stepsCreated, "steps created on the up-to-date path");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aRegistryStatingAnotherFingerprintThanItsMigrationsGive_isNeverTrusted(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator.configure(new CountingRegistry(5, "plan1:not-what-its-migrations-give"), db.dataSource()).load().migrate();
        CountingRegistry again = new CountingRegistry(5, "plan1:not-what-its-migrations-give");

        assertTrue(Migrator.configure(again, db.dataSource()).load().migrate().isUpToDate());

        assertEquals(5, again.described, "it took the full check, which reads its migrations");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void missingFingerprint_takesTheLockedCheckOnceAndRecordsItAgain(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationSource source = tables(3);
        db.configure(source).load().migrate();
        db.execute("DELETE FROM cairn_history_state");
        List<String> executed = Collections.synchronizedList(new ArrayList<>());

        MigrationReport report = Migrator.configure(source, capturing(db.dataSource(), executed))
                .lockTimeout(Duration.ofSeconds(20)).load().migrate();

        assertTrue(report.isUpToDate());
        List<String> expected = kind == DbKind.SQLITE
                // Busy timeout saved and set, the write lock, its change counter, the history read
                // (its table looked up first), the fingerprint recorded (Cairn's tables looked up and
                // checked to be Cairn's), commit, busy timeout restored.
                ? List.of(readState(kind), "PRAGMA busy_timeout", "PRAGMA busy_timeout = 20000", "BEGIN IMMEDIATE",
                        "PRAGMA data_version", "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        "SELECT version, description, checksum, installed_on, installed_by, execution_ms FROM cairn_history",
                        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        "SELECT * FROM cairn_log WHERE 1 = 0",
                        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        "SELECT * FROM cairn_history_state WHERE 1 = 0",
                        "DELETE FROM cairn_history_state", "INSERT INTO cairn_history_state (id, fingerprint) VALUES (1, ?)",
                        "COMMIT", "PRAGMA busy_timeout = 3000")
                // The lock's session kept alive, the advisory lock, Cairn's own lock waits bounded,
                // the history read (under the lock, its table looked up first), the fingerprint
                // recorded in a transaction, the bound restored, the unlock.
                : List.of(readState(kind), "SET idle_session_timeout = 0", TAKE_PG_LOCK, "SELECT " + PG_LOCK_HELD,
                        "SHOW lock_timeout", "SET lock_timeout = '20000ms'", "SELECT to_regclass(?) IS NOT NULL",
                        "SELECT version, description, checksum, installed_on, installed_by, execution_ms FROM cairn_history",
                        "SELECT to_regclass(?) IS NOT NULL", "SELECT to_regclass(?) IS NOT NULL",
                        "SELECT * FROM cairn_log WHERE 1 = 0", "SELECT to_regclass(?) IS NOT NULL",
                        "SELECT * FROM cairn_history_state WHERE 1 = 0",
                        "DELETE FROM cairn_history_state", "INSERT INTO cairn_history_state (id, fingerprint) VALUES (1, ?)",
                        "SELECT set_config('lock_timeout', ?, false)",
                        "SELECT pg_advisory_unlock(?), pg_advisory_unlock(?)");
        assertEquals(expected, executed.stream().filter(sql -> sql != null).map(UpToDatePathTest::masked).toList());

        executed.clear();
        assertTrue(Migrator.configure(source, capturing(db.dataSource(), executed)).load().migrate().isUpToDate());
        assertEquals(List.of(readState(kind)), executed);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void eachMigration_isItsOwnStatementsAndOneRecordingIt_whichOnPostgresChecksTheLockToo(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationSource source = tables(4);
        db.configure(source).load().migrate("1");
        List<String> executed = Collections.synchronizedList(new ArrayList<>());

        Migrator.configure(source, capturing(db.dataSource(), executed)).lockTimeout(Duration.ofSeconds(20)).load().migrate();

        // From migration 3's statement to migration 4's: 3 recorded (and committed), 4's transaction begun.
        List<String> between = executed.subList(executed.indexOf("CREATE TABLE t3 (id INTEGER)"),
                executed.indexOf("CREATE TABLE t4 (id INTEGER)")).stream().map(UpToDatePathTest::masked).toList();
        String insertHistory = "INSERT INTO cairn_history (version, description, checksum, installed_on, installed_by,"
                + " execution_ms) VALUES (?, ?, ?, ?, ?, ?)";
        String logColumns = " (version, description, action, checksum, logged_on, logged_by, execution_ms, detail)";
        List<String> expected = kind == DbKind.SQLITE
                ? List.of("CREATE TABLE t3 (id INTEGER)", insertHistory, "INSERT INTO cairn_log" + logColumns
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "COMMIT", "BEGIN IMMEDIATE", "PRAGMA data_version")
                // The history row and the log row in one statement, the log row only while the lock is held;
                // the commit is the driver's; then the next transaction's lock_timeout and application_name.
                : List.of("CREATE TABLE t3 (id INTEGER)", "WITH recorded AS (" + insertHistory + ") INSERT INTO cairn_log"
                        + logColumns + " SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE " + PG_LOCK_HELD,
                        "SELECT set_config('lock_timeout', ?, true), set_config('application_name', ?, true)");
        assertEquals(expected, between);
        assertEquals(List.of("1|APPLY", "2|APPLY", "3|APPLY", "4|APPLY"), db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
        assertEquals(List.of("1", "2", "3", "4"), db.rows("SELECT version FROM cairn_history ORDER BY version"));
    }

    /** {@code sql} with the facts of one session (PostgreSQL's lock keys) masked. */
    private static String masked(String sql) {
        return sql.replaceAll("lock_shared\\(-?\\d+\\)", "lock_shared(<key>)");
    }

    @Test
    void firstContactWithANewPostgresDatabase_runsNoStatementThatFails() {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        List<String> executed = Collections.synchronizedList(new ArrayList<>());
        List<String> failed = Collections.synchronizedList(new ArrayList<>());

        Migrator.configure(tables(3), capturing(db.dataSource(), executed, failed)).load().migrate();

        // A failed statement is an ERROR line in PostgreSQL's server log at every new database
        // (SQLite has no server log: there the first read of a missing table fails, and says so).
        assertEquals(List.of(), failed);
        assertTrue(executed.size() > 10, executed.toString());
    }

    private List<String> statementsOfUpToDateCheck(DbKind kind, int migrations) {
        TestDb db = TestDb.create(kind, dir);
        MigrationSource source = tables(migrations);
        // Marked applied in one transaction: what the check costs does not depend on how they got there.
        db.configure(source).load().baseline(String.valueOf(migrations));
        List<String> executed = Collections.synchronizedList(new ArrayList<>());
        MigrationReport report = Migrator.configure(source, capturing(db.dataSource(), executed))
                .lockTimeout(Duration.ofSeconds(20)).load().migrate();
        assertTrue(report.isUpToDate());
        return List.copyOf(executed);
    }

    private static MigrationSource tables(int migrations) {
        List<MigrationDescriptor> list = new ArrayList<>();
        for (int i = 1; i <= migrations; i++) {
            list.add(Mig.v(String.valueOf(i), "Table " + i).up("CREATE TABLE t" + i + " (id INTEGER)").build());
        }
        return Mig.source(list.toArray(MigrationDescriptor[]::new));
    }

    /** A registry in the generated shape that counts what the runtime asks of it. */
    private static final class CountingRegistry extends GeneratedRegistry {
        int described;
        int stepsCreated;

        CountingRegistry(int size, String fingerprint) {
            super(GeneratedRegistry.FORMAT, fingerprint, size);
        }

        @Override
        protected MigrationDescriptor.Builder describe(int index) {
            described++;
            return MigrationDescriptor.builder(String.valueOf(index + 1), "test.Counting")
                    .dependsOn(index == 0 ? new String[0] : new String[] {String.valueOf(index)})
                    .checksum("test1:" + index);
        }

        @Override
        protected JavaMigration newStep(int index) {
            stepsCreated++;
            return ctx -> ctx.execute("CREATE TABLE c" + index + " (id INTEGER)");
        }
    }

    /** A data source whose statements record their SQL when they execute, then run on the real database. */
    private static DataSource capturing(DataSource real, List<String> executed) {
        return capturing(real, executed, new ArrayList<>());
    }

    /** {@link #capturing(DataSource, List)}, also recording the SQL of each statement that fails. */
    private static DataSource capturing(DataSource real, List<String> executed, List<String> failed) {
        return proxy(DataSource.class, real, executed, failed, null);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T real, List<String> executed, List<String> failed, String preparedSql) {
        return (T) Proxy.newProxyInstance(UpToDatePathTest.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
            if (method.getName().startsWith("execute")) {
                executed.add(sql);
            }
            try {
                Object result = method.invoke(real, args);
                if (result instanceof Connection connection) {
                    return proxy(Connection.class, connection, executed, failed, null);
                }
                if (result instanceof PreparedStatement prepared) {
                    return proxy(PreparedStatement.class, prepared, executed, failed, (String) args[0]);
                }
                if (result instanceof Statement statement) {
                    return proxy(Statement.class, statement, executed, failed, null);
                }
                return result;
            } catch (InvocationTargetException e) {
                if (method.getName().startsWith("execute")) {
                    failed.add(sql + ": " + e.getCause());
                }
                throw e.getCause();
            }
        });
    }
}
