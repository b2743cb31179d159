package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.testing.Children;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Fixtures;
import dev.cairn.runtime.testing.TestDb;
import dev.cairn.runtime.testing.Waits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Separate processes at once, and processes killed with kill -9 in the middle of a migration. */
class ConcurrencyTest {

    private static final int PROCESSES_PER_DATABASE = 3;

    @TempDir
    Path dir;

    @Test
    void severalProcessesOnEmptyDatabases_applyEachMigrationExactlyOnce() throws Exception {
        List<TestDb> databases = List.of(TestDb.create(DbKind.SQLITE, dir), TestDb.create(DbKind.POSTGRES, dir));
        List<Process> children = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (TestDb db : databases) {
            for (int i = 0; i < PROCESSES_PER_DATABASE; i++) {
                Path log = dir.resolve("child-" + db.kind() + "-" + i + ".log");
                logs.add(log);
                children.add(Children.start(log, "concurrent", db.jdbcUrl(), dir.toString(), db.kind() + "-" + i));
            }
        }
        int applied = 0;
        try {
            for (int i = 0; i < children.size(); i++) {
                String id = logs.get(i).getFileName().toString().replace("child-", "").replace(".log", "");
                Children.awaitFile(dir.resolve("ready-" + id), children.get(i), logs.get(i));
            }
            Fixtures.touch(dir.resolve("go"));
            for (int i = 0; i < children.size(); i++) {
                String output = Children.awaitExit(children.get(i), logs.get(i), Duration.ofSeconds(120));
                assertEquals(0, children.get(i).exitValue(), output);
                applied += Integer.parseInt(output.lines().filter(l -> l.startsWith("applied ")).findFirst()
                        .orElseThrow(() -> new AssertionError(output)).substring("applied ".length()));
            }
        } finally {
            // A failed wait above must not leave children running against the test's databases.
            children.forEach(Process::destroyForcibly);
        }
        assertEquals(10, applied, "each of the 5 migrations applied by exactly one process per database");
        for (TestDb db : databases) {
            assertEquals(List.of("1|1", "2|1", "3|1", "4|1", "5|1"),
                    db.rows("SELECT version, count(*) FROM applied_runs GROUP BY version ORDER BY version"), db.toString());
            assertEquals(5, db.rows("SELECT version FROM cairn_history").size(), db.toString());
            assertEquals(5, db.rows("SELECT id FROM cairn_log WHERE action = 'APPLY'").size(), db.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void killedInsideATransactionalMigration_leavesNothingHalfDoneAndNoLock(DbKind kind) throws Exception {
        TestDb db = TestDb.create(kind, dir);
        killInsideMigration2(db, "block-tx");

        assertEquals(List.of("1"), db.rows("SELECT version FROM cairn_history"));
        assertFalse(db.hasTable("during"), "migration 2's table was rolled back");

        Fixtures.touch(dir.resolve("release"));
        MigrationReport rerun = db.configure(Fixtures.blocking(dir, true)).lockTimeout(Duration.ofSeconds(15)).load().migrate();

        assertEquals(List.of("2"), rerun.applied().stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of("1", "2"), db.rows("SELECT version FROM cairn_history ORDER BY version"));
        assertTrue(db.hasTable("during"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void killedInsideANonTransactionalMigration_isDetectedAndExplainedUntilRepaired(DbKind kind) throws Exception {
        TestDb db = TestDb.create(kind, dir);
        killInsideMigration2(db, "block-nontx");
        assertTrue(db.hasTable("during"), "a non-transactional statement stays applied");
        Fixtures.touch(dir.resolve("release"));
        Migrator migrator = db.configure(Fixtures.blocking(dir, false)).lockTimeout(Duration.ofSeconds(15)).load();
        String before = db.snapshot();

        MigrationException e = assertThrows(MigrationException.class, migrator::migrate);

        assertEquals(ErrorCode.INTERRUPTED, e.code());
        assertTrue(e.getMessage().startsWith("Migration 2 \"Blocks until released\" (test.V2_Blocksuntilreleased) is"
                + " non-transactional (transactional = false) and its last run, started "), e.getMessage());
        assertTrue(e.getMessage().contains("never finished: its up() run by pid "), e.getMessage());
        assertTrue(e.getMessage().contains("undo or complete its changes by hand, then run repair to clear this state,"
                + " and migrate again (it will run migration 2 again). Nothing was changed."), e.getMessage());
        assertEquals(before, db.snapshot());
        assertEquals(MigrationState.INTERRUPTED, migrator.status().migrations().get(1).state());

        db.execute("DROP TABLE during");
        assertEquals(List.of(MigrationVersion.parse("2")), migrator.repair().failuresCleared());
        assertEquals(1, migrator.migrate().applied().size());
        assertTrue(migrator.validate().isValid(), migrator.validate().summary());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void nonTransactionalMigration_completesWhileAnotherMigratorWaits(DbKind kind) throws Exception {
        TestDb db = TestDb.create(kind, dir);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<MigrationReport> first = threads.submit(() -> db.configure(Fixtures.indexing(dir, kind)).load().migrate());
            Waits.awaitFile(dir.resolve("entered"), first);
            try (WaitingLog waiting = new WaitingLog()) {
                Future<MigrationReport> second = threads.submit(() -> db.configure(Fixtures.indexing(dir, kind)).load().migrate());
                waiting.await(Duration.ofSeconds(20));
                assertFalse(second.isDone(), "the second migrator waits while migration 2 runs");

                Fixtures.touch(dir.resolve("release"));

                assertEquals(2, first.get(20, TimeUnit.SECONDS).applied().size());
                assertTrue(second.get(20, TimeUnit.SECONDS).isUpToDate());
            }
            assertEquals(List.of("1|1", "2|1"), db.rows("SELECT version, count(*) FROM cairn_history GROUP BY version ORDER BY version"));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void repairAndBaseline_refuseToClearTheMarkerOfAMigrationStillRunning() throws Exception {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        Path log = dir.resolve("child.log");
        Process child = Children.start(log, "block-nontx", db.jdbcUrl(), dir.toString());
        Migrator migrator = db.configure(Fixtures.blocking(dir, false)).load();
        try {
            Children.awaitFile(dir.resolve("entered"), child, log);
            String before = db.snapshot();
            List<String> logRows = db.rows("SELECT * FROM cairn_log ORDER BY id");

            MigrationStatus running = migrator.status().migrations().get(1);
            MigrationException repair = assertThrows(MigrationException.class, migrator::repair);
            MigrationException baseline = assertThrows(MigrationException.class, () -> migrator.baseline("2"));

            assertEquals(MigrationState.RUNNING, running.state());
            assertTrue(running.detail().matches("last run, started \\S+, is still going: its up\\(\\) run by pid " + child.pid()
                    + " on \\S+ \\(run \\w+, process started \\S+\\)"), running.detail());
            assertEquals(ErrorCode.INTERRUPTED, repair.code());
            assertTrue(repair.getMessage().startsWith("Cannot repair: migration 2 \"Blocks until released\""
                    + " (test.V2_Blocksuntilreleased) is being run right now (its up() run by pid " + child.pid() + " on "),
                    repair.getMessage());
            assertTrue(repair.getMessage().endsWith(", is still going). Wait for it to finish, then look at status again."
                    + " Nothing was changed."), repair.getMessage());
            assertTrue(baseline.getMessage().startsWith("Cannot baseline: migration 2 \"Blocks until released\""),
                    baseline.getMessage());
            assertEquals(before, db.snapshot());
            assertEquals(logRows, db.rows("SELECT * FROM cairn_log ORDER BY id"));
        } finally {
            // Whatever happened above, the child must finish before the test's directory goes away.
            Fixtures.touch(dir.resolve("release"));
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        assertEquals(0, child.exitValue(), Files.readString(log));
        assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED),
                migrator.status().migrations().stream().map(MigrationStatus::state).toList());
    }

    /**
     * Collects Cairn's INFO messages while open, to see that a migrator is waiting rather than
     * guessing from the time that passed.
     */
    private static final class WaitingLog extends Handler implements AutoCloseable {

        private final Logger logger = Logger.getLogger(Migrator.LOGGER_NAME);
        private final Level level = logger.getLevel();
        private final CountDownLatch waiting = new CountDownLatch(1);

        WaitingLog() {
            logger.setLevel(Level.INFO);
            logger.setUseParentHandlers(false);
            logger.addHandler(this);
        }

        void await(Duration timeout) throws InterruptedException {
            assertTrue(waiting.await(timeout.toMillis(), TimeUnit.MILLISECONDS), "no migrator said it was waiting");
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getMessage().startsWith("Waiting for ")) {
                waiting.countDown();
            }
        }

        @Override
        public void flush() {
            // Nothing buffered.
        }

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setUseParentHandlers(true);
            logger.setLevel(level);
        }
    }

    /** Starts a child that migrates the blocking set, waits until it is inside migration 2, and kills it. */
    private void killInsideMigration2(TestDb db, String scenario) throws Exception {
        Path log = dir.resolve("child.log");
        Process child = Children.start(log, scenario, db.jdbcUrl(), dir.toString());
        try {
            Children.awaitFile(dir.resolve("entered"), child, log);
        } finally {
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        Files.deleteIfExists(dir.resolve("entered"));
    }
}
