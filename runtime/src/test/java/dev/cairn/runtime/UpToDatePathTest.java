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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The startup check costs the same few statements whatever the number of migrations: no
 * per-migration query. Counted on the real database through a thin counting wrapper, never timed.
 */
class UpToDatePathTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void upToDateCheck_runsAConstantNumberOfStatements(DbKind kind) {
        assertEquals(statementsOfUpToDateCheck(kind, 3), statementsOfUpToDateCheck(kind, 60));
        assertTrue(statementsOfUpToDateCheck(kind, 3) <= 12, "lock, catalog lookup, one history read and bookkeeping");
    }

    private int statementsOfUpToDateCheck(DbKind kind, int migrations) {
        TestDb db = TestDb.create(kind, dir);
        List<MigrationDescriptor> list = new ArrayList<>();
        for (int i = 1; i <= migrations; i++) {
            list.add(Mig.v(String.valueOf(i), "Table " + i).up("CREATE TABLE t" + i + " (id INTEGER)").build());
        }
        MigrationSource source = Mig.source(list.toArray(MigrationDescriptor[]::new));
        db.configure(source).load().migrate();
        AtomicInteger executed = new AtomicInteger();
        MigrationReport report = Migrator.configure(source, counting(db.dataSource(), executed)).load().migrate();
        assertTrue(report.isUpToDate());
        return executed.get();
    }

    /** A data source whose statements count each execution before running it on the real database. */
    private static DataSource counting(DataSource real, AtomicInteger executed) {
        return proxy(DataSource.class, real, executed);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T real, AtomicInteger executed) {
        return (T) Proxy.newProxyInstance(UpToDatePathTest.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getName().startsWith("execute")) {
                executed.incrementAndGet();
            }
            try {
                Object result = method.invoke(real, args);
                if (result instanceof Connection connection) {
                    return proxy(Connection.class, connection, executed);
                }
                if (result instanceof PreparedStatement prepared) {
                    return proxy(PreparedStatement.class, prepared, executed);
                }
                if (result instanceof Statement statement) {
                    return proxy(Statement.class, statement, executed);
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
