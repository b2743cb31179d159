package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Fixtures;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL: a non-transactional migration whose lock connection is ended while it runs. Its run
 * is judged by its own session, not assumed over: no one else runs it, repair does not clear it,
 * status shows it running, and the run that lost its lock records nothing.
 */
class PostgresLostLockRunTest {

    @TempDir
    Path dir;

    @Test
    void runThatLostItsLock_isNeitherRunTwiceNorClearedNorRecorded() {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        MigrationDescriptor v1 = Fixtures.CREATE_ROUTERS;
        db.configure(Mig.source(v1)).load().migrate();
        List<String> seenWhileRunning = new ArrayList<>();
        AtomicReference<MigrationSource> source = new AtomicReference<>();
        MigrationDescriptor concurrent = Mig.v("2", "Index concurrently").dependsOn("1").nonTransactional().step(() -> ctx -> {
            ctx.execute("CREATE INDEX CONCURRENTLY routers_by_id ON routers (id)");
            // Ends the session of Cairn's advisory lock, as an administrator or a pooler would.
            ctx.query("SELECT pg_terminate_backend(pid, 10000) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND pid <> pg_backend_pid() AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                    row -> row.getBoolean(1));
            Migrator other = db.configure(source.get()).lockTimeout(Duration.ofSeconds(1)).load();
            seenWhileRunning.add(outcome(() -> other.migrate().summary()));
            seenWhileRunning.add(outcome(() -> other.repair().summary()));
            seenWhileRunning.add(outcome(() -> other.status().inState(MigrationState.RUNNING).get(0).version().toString()));
        }).build();
        source.set(Mig.source(v1, concurrent));

        MigrationException lost = assertThrows(MigrationException.class, () -> db.configure(source.get()).load().migrate());

        assertEquals(ErrorCode.LOCK_TIMEOUT.name(), seenWhileRunning.get(0).split(":")[0], seenWhileRunning.get(0));
        assertTrue(seenWhileRunning.get(0).contains("waiting for migration 2 \"Index concurrently\" (test.V2_Indexconcurrently),"
                + " which another process is running (up() run by pid "), seenWhileRunning.get(0));
        assertEquals(ErrorCode.INTERRUPTED.name(), seenWhileRunning.get(1).split(":")[0], seenWhileRunning.get(1));
        assertTrue(seenWhileRunning.get(1).contains("Cannot repair: migration 2 \"Index concurrently\""
                + " (test.V2_Indexconcurrently) is being run right now"), seenWhileRunning.get(1));
        assertEquals("2", seenWhileRunning.get(2));
        assertEquals(ErrorCode.LOCK_LOST, lost.code(), lost.getMessage());
        assertTrue(lost.getMessage().contains("its up() ran to the end and its changes stay, but another instance could have"
                + " taken the lock meanwhile, so Cairn recorded nothing and left its running marker open."), lost.getMessage());
        assertEquals(List.of("1"), db.rows("SELECT version FROM cairn_history"));
        assertEquals(List.of("APPLY", "RUNNING"), db.rows("SELECT action FROM cairn_log ORDER BY id"));

        // Once the run's session is gone, the marker is an interrupted run that a person must look at.
        MigrationException interrupted = assertThrows(MigrationException.class, () -> db.configure(source.get()).load().migrate());
        assertEquals(ErrorCode.INTERRUPTED, interrupted.code(), interrupted.getMessage());
    }

    @Test
    void lockConnection_isExemptFromTheIdleSessionTimeout() {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        db.execute("ALTER DATABASE " + db.rows("SELECT current_database()").get(0) + " SET idle_session_timeout = '1s'");
        MigrationDescriptor slow = Mig.v("1", "Takes a while").nonTransactional()
                .up("SELECT pg_sleep(2.5)", "CREATE TABLE after_the_wait (id INTEGER)").build();

        MigrationReport report = db.configure(Mig.source(slow)).load().migrate();

        assertEquals(1, report.applied().size(), report.summary());
        assertEquals(List.of("1"), db.rows("SELECT version FROM cairn_history"));
    }

    /** What a command gave: its result, or its error's code and message. */
    private static String outcome(java.util.function.Supplier<String> command) {
        try {
            return CompletableFuture.supplyAsync(command).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof MigrationException failure) {
                return failure.code() + ": " + failure.getMessage();
            }
            throw e;
        }
    }
}
