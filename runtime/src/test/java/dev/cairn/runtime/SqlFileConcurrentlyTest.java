package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.SqlMig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A non-transactional SQL file with {@code CREATE INDEX CONCURRENTLY} on PostgreSQL (the case
 * Flyway 13 hangs on, its lock holding a transaction open): Cairn's lock is a session advisory
 * lock polled outside any transaction, so the index build waits for nothing of Cairn's own.
 */
class SqlFileConcurrentlyTest {

    @TempDir
    Path dir;

    @Test
    void createIndexConcurrently_outsideATransaction_finishesWhileOthersRead() throws Exception {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        MigrationDescriptor v1 = SqlMig.v("1", "create routers", "sqlmig/concurrently/V1__create_routers.sql").build();
        MigrationDescriptor v2 = SqlMig.v("2", "index routers", "sqlmig/concurrently/V2__index_routers.sql").dependsOn("1")
                .nonTransactional().build();
        db.configure(Mig.source(v1)).load().migrate();
        AtomicBoolean migrating = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        Thread reader = new Thread(() -> readWhile(db, migrating, reads, readerFailure), "concurrent-reader");
        reader.start();

        MigrationReport report;
        try {
            report = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> db.configure(Mig.source(v1, v2)).load().migrate());
        } finally {
            migrating.set(false);
            reader.join();
        }

        assertEquals(List.of("2"), report.applied().stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of("CREATE INDEX CONCURRENTLY idx_routers_name ON routers (name)"), report.applied().get(0).statements());
        assertEquals(List.of("true"), db.rows("SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = 'idx_routers_name'::regclass"));
        assertEquals(null, readerFailure.get());
        assertTrue(reads.get() > 0, "the reader read while the index was built");
        assertEquals(List.of("1|APPLY", "2|RUNNING", "2|APPLY"), db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
    }

    /** Reads the table, each read a short transaction of its own, as an application would meanwhile. */
    private static void readWhile(TestDb db, AtomicBoolean migrating, AtomicInteger reads, AtomicReference<Throwable> failure) {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            while (migrating.get()) {
                try (ResultSet row = statement.executeQuery("SELECT count(*) FROM routers WHERE name = 'r7'")) {
                    row.next();
                    assertEquals(1, row.getInt(1));
                }
                connection.commit();
                reads.incrementAndGet();
            }
        } catch (SQLException | RuntimeException | Error e) {
            failure.set(e);
        }
    }
}
