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
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The startup check is one read of the state table, whatever the number of migrations: no lock,
 * no catalog lookup, no read of the history, no descriptor built. When the recorded fingerprint is
 * missing or different, the full check runs under the lock and records it again. Every
 * statement's SQL is captured on the real database through a thin wrapper, never timed.
 */
class UpToDatePathTest {

    /** Queries of the catalog, which the up-to-date path must not need. */
    private static final Pattern CATALOG = Pattern.compile("(?i)sqlite_master|sqlite_schema|to_regclass|pg_catalog|pg_class"
            + "|pg_tables|information_schema|table_info");

    private static final String READ_STATE = "SELECT fingerprint FROM cairn_history_state WHERE id = 1";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void upToDateCheck_isOneReadOfTheStateTable_for3And3000Migrations(DbKind kind) {
        List<String> three = statementsOfUpToDateCheck(kind, 3);
        List<String> threeThousand = statementsOfUpToDateCheck(kind, 3000);

        assertEquals(List.of(READ_STATE), three);
        assertEquals(three, threeThousand);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void upToDateCheck_ofAGeneratedRegistry_buildsNoDescriptorAndCreatesNoStep(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        CountingRegistry registry = new CountingRegistry(500);
        Migrator.configure(registry, db.dataSource()).load().baseline("500");
        CountingRegistry fresh = new CountingRegistry(500);

        MigrationReport report = Migrator.configure(fresh, db.dataSource()).load().migrate();

        assertTrue(report.isUpToDate(), report.summary());
        assertEquals(0, fresh.described, "descriptors built on the up-to-date path");
        assertEquals(0, fresh.stepsCreated, "steps created on the up-to-date path");
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
                // Busy timeout saved and set, the write lock, its change counter, the read, the
                // fingerprint recorded (its table looked up first), commit, busy timeout restored.
                ? List.of(READ_STATE, "PRAGMA busy_timeout", "PRAGMA busy_timeout = 20000", "BEGIN IMMEDIATE",
                        "PRAGMA data_version",
                        "SELECT version, description, checksum, installed_on, installed_by, execution_ms FROM cairn_history",
                        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        "DELETE FROM cairn_history_state", "INSERT INTO cairn_history_state (id, fingerprint) VALUES (1, ?)",
                        "COMMIT", "PRAGMA busy_timeout = 3000")
                // The lock's session kept alive, the advisory lock, the read (under the lock, before
                // any transaction), the fingerprint recorded in a transaction, the unlock.
                : List.of(READ_STATE, "SET idle_session_timeout = 0", "SELECT pg_try_advisory_lock(?)",
                        "SELECT version, description, checksum, installed_on, installed_by, execution_ms FROM cairn_history",
                        "SELECT to_regclass(?) IS NOT NULL", "SELECT to_regclass(?) IS NOT NULL",
                        "SELECT to_regclass(?) IS NOT NULL",
                        "DELETE FROM cairn_history_state", "INSERT INTO cairn_history_state (id, fingerprint) VALUES (1, ?)",
                        "SELECT pg_advisory_unlock(?)");
        assertEquals(expected, executed.stream().filter(sql -> sql != null).toList());

        executed.clear();
        assertTrue(Migrator.configure(source, capturing(db.dataSource(), executed)).load().migrate().isUpToDate());
        assertEquals(List.of(READ_STATE), executed);
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
        assertTrue(executed.stream().noneMatch(sql -> CATALOG.matcher(sql).find()), executed.toString());
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

        CountingRegistry(int size) {
            super(GeneratedRegistry.FORMAT, "plan1:counting-" + size, size);
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
        return proxy(DataSource.class, real, executed, null);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T real, List<String> executed, String preparedSql) {
        return (T) Proxy.newProxyInstance(UpToDatePathTest.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getName().startsWith("execute")) {
                executed.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql);
            }
            try {
                Object result = method.invoke(real, args);
                if (result instanceof Connection connection) {
                    return proxy(Connection.class, connection, executed, null);
                }
                if (result instanceof PreparedStatement prepared) {
                    return proxy(PreparedStatement.class, prepared, executed, (String) args[0]);
                }
                if (result instanceof Statement statement) {
                    return proxy(Statement.class, statement, executed, null);
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
