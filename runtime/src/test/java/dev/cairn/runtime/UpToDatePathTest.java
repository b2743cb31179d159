package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The startup check costs the lock and one read of the history table, whatever the number of
 * migrations: no catalog lookup, no per-migration query. Every statement's SQL is captured on the
 * real database through a thin wrapper, never timed.
 */
class UpToDatePathTest {

    /** Queries of the catalog, which the up-to-date path must not need. */
    private static final Pattern CATALOG = Pattern.compile("(?i)sqlite_master|sqlite_schema|to_regclass|pg_catalog|pg_class"
            + "|pg_tables|information_schema|table_info");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void upToDateCheck_isTheLockAndOneReadOfTheHistoryTable(DbKind kind) {
        List<String> three = statementsOfUpToDateCheck(kind, 3);
        List<String> sixty = statementsOfUpToDateCheck(kind, 60);

        List<String> expected = kind == DbKind.SQLITE
                // Busy timeout saved and set, the write lock, its change counter, the read, commit, busy timeout restored.
                ? List.of("PRAGMA busy_timeout", "PRAGMA busy_timeout = 20000", "BEGIN IMMEDIATE", "PRAGMA data_version",
                        "SELECT version, description, checksum, installed_on, installed_by, execution_ms FROM cairn_history",
                        "COMMIT", "PRAGMA busy_timeout = 3000")
                // The advisory lock, the read (under the lock, before any transaction), the unlock.
                : List.of("SELECT pg_try_advisory_lock(?)",
                        "SELECT version, description, checksum, installed_on, installed_by, execution_ms FROM cairn_history",
                        "SELECT pg_advisory_unlock(?)");
        assertEquals(expected, three);
        assertEquals(three, sixty);
        assertEquals(1, three.stream().filter(sql -> sql.startsWith("SELECT") && sql.contains("FROM cairn_history")).count());
        assertTrue(three.stream().noneMatch(sql -> CATALOG.matcher(sql).find()), three.toString());
    }

    private List<String> statementsOfUpToDateCheck(DbKind kind, int migrations) {
        TestDb db = TestDb.create(kind, dir);
        List<MigrationDescriptor> list = new ArrayList<>();
        for (int i = 1; i <= migrations; i++) {
            list.add(Mig.v(String.valueOf(i), "Table " + i).up("CREATE TABLE t" + i + " (id INTEGER)").build());
        }
        MigrationSource source = Mig.source(list.toArray(MigrationDescriptor[]::new));
        db.configure(source).load().migrate();
        List<String> executed = Collections.synchronizedList(new ArrayList<>());
        MigrationReport report = Migrator.configure(source, capturing(db.dataSource(), executed))
                .lockTimeout(Duration.ofSeconds(20)).load().migrate();
        assertTrue(report.isUpToDate());
        return List.copyOf(executed);
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
