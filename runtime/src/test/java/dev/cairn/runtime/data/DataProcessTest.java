package dev.cairn.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.MigrationState;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.testing.Children;
import dev.cairn.runtime.testing.DataChild;
import dev.cairn.runtime.testing.DataFixtures;
import dev.cairn.runtime.testing.DataFixtures.Options;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.TestDb;
import dev.cairn.runtime.testing.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Data migrations in separate JVMs: killed with SIGKILL part-way, one resumes exactly after its
 * last committed batch; and 200,000 rows go through a 64 MB heap, since a batch at a time is all
 * that is ever held.
 */
class DataProcessTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void killedPartWay_theNextMigrateResumesAfterTheLastCommittedBatch_noRowTwiceNoneSkipped(DbKind kind) throws Exception {
        int robots = 20_000;
        TestDb db = TestDb.create(kind, dir);
        db.configure(DataFixtures.source(Options.defaults())).load().migrate("1");
        DataFixtures.fill(db, robots);
        Path log = dir.resolve("child.log");

        Process child = Children.start(log, List.of("-XX:TieredStopAtLevel=1"), DataChild.class, db.jdbcUrl(), "500", "25", "1");
        Waits.await("5,000 rows committed by the child, whose output is in " + log, Waits.DEADLINE, () -> {
            if (!child.isAlive()) {
                throw new AssertionError("the child ended before it was killed:\n" + java.nio.file.Files.readString(log));
            }
            return rowsDone(db) >= 5_000;
        });
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));

        long committed = rowsDone(db);
        assertTrue(committed >= 5_000 && committed < robots && committed % 500 == 0, "whole batches: " + committed);
        Migrator migrator = db.configure(DataFixtures.source(Options.defaults().size(500))).load();
        assertEquals(MigrationState.IN_PROGRESS, migrator.status().migrations().get(1).state());
        MigrationReport report = migrator.migrate();

        ExecutedDataMigration data = assertInstanceOf(ExecutedDataMigration.class, report.applied().get(0));
        assertEquals(committed, data.resumedFrom());
        assertEquals(robots - committed, data.rowsProcessed());
        assertEquals(List.of(), DataFixtures.problems(db, robots, List.of()));
        assertTrue(migrator.status().isUpToDate());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void twoHundredThousandRows_goThroughA64MegabyteHeap(DbKind kind) throws Exception {
        int robots = 200_000;
        TestDb db = TestDb.create(kind, dir);
        db.configure(DataFixtures.source(Options.defaults())).load().migrate("1");
        DataFixtures.fill(db, robots);
        Path log = dir.resolve("child.log");

        Process child = Children.start(log, List.of("-Xmx64m", "-XX:TieredStopAtLevel=1"), DataChild.class, db.jdbcUrl(),
                "1000", "0", "1");
        String output = Children.awaitExit(child, log, Duration.ofSeconds(90));

        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("rows 200000 batches 200 resumed 0 heap "), output);
        assertEquals(List.of(), DataFixtures.problems(db, robots, List.of()));
    }

    @Test
    void onPostgres_anInstanceWaitingForTheLock_joinsTheParallelDataMigrationOfAnother_everyRowExactlyOnce() throws Exception {
        int robots = 20_000;
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        db.configure(DataFixtures.source(Options.defaults())).load().migrate("1");
        DataFixtures.fill(db, robots);
        Path logA = dir.resolve("a.log");
        Path logB = dir.resolve("b.log");

        Process a = Children.start(logA, List.of("-XX:TieredStopAtLevel=1", "-Dcairn.test.worker=A"), DataChild.class,
                db.jdbcUrl(), "200", "20", "2");
        Waits.await("the first instance's batches, in " + logA, Waits.DEADLINE, () -> {
            if (!a.isAlive()) {
                throw new AssertionError("the first instance ended early:\n" + java.nio.file.Files.readString(logA));
            }
            return rowsDone(db) >= 1_000;
        });
        Process b = Children.start(logB, List.of("-XX:TieredStopAtLevel=1", "-Dcairn.test.worker=B"), DataChild.class,
                db.jdbcUrl(), "200", "20", "2");
        String outputA = Children.awaitExit(a, logA, Duration.ofSeconds(90));
        String outputB = Children.awaitExit(b, logB, Duration.ofSeconds(90));

        assertEquals(0, a.exitValue(), outputA);
        assertEquals(0, b.exitValue(), outputB);
        assertTrue(outputA.contains("rows ") && outputA.contains("applied 1"), "the first instance records it: " + outputA);
        assertTrue(outputB.contains("applied 0"), "the second finds it applied once it has the lock: " + outputB);
        assertEquals(List.of(), DataFixtures.problems(db, robots, List.of()));
        List<String> byWorker = db.rows("SELECT worker, COUNT(*) FROM robot_skills GROUP BY worker ORDER BY worker");
        assertEquals(2, byWorker.size(), "both instances wrote rows: " + byWorker);
        assertTrue(byWorker.get(0).startsWith("A|") && byWorker.get(1).startsWith("B|"), byWorker.toString());
    }

    @Test
    void onSqlite_twoProcessesMigratingAtOnce_shareTheBatches_andRecordTheMigrationOnce() throws Exception {
        int robots = 20_000;
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        db.configure(DataFixtures.source(Options.defaults())).load().migrate("1");
        DataFixtures.fill(db, robots);
        Path logA = dir.resolve("a.log");
        Path logB = dir.resolve("b.log");

        Process a = Children.start(logA, List.of("-XX:TieredStopAtLevel=1", "-Dcairn.test.worker=A"), DataChild.class,
                db.jdbcUrl(), "200", "20", "1");
        Waits.await("the first process's batches, in " + logA, Waits.DEADLINE, () -> {
            if (!a.isAlive()) {
                throw new AssertionError("the first process ended early:\n" + java.nio.file.Files.readString(logA));
            }
            return rowsDone(db) >= 1_000;
        });
        // SQLite's lock is each transaction: the second process gets in between two batches and resumes the same run.
        Process b = Children.start(logB, List.of("-XX:TieredStopAtLevel=1", "-Dcairn.test.worker=B"), DataChild.class,
                db.jdbcUrl(), "200", "20", "1");
        String outputA = Children.awaitExit(a, logA, Duration.ofSeconds(90));
        String outputB = Children.awaitExit(b, logB, Duration.ofSeconds(90));

        assertEquals(0, a.exitValue(), outputA);
        assertEquals(0, b.exitValue(), outputB);
        assertEquals(1, (outputA.contains("applied 1") ? 1 : 0) + (outputB.contains("applied 1") ? 1 : 0),
                "recorded by exactly one of them:\n" + outputA + "\n" + outputB);
        assertEquals(List.of(), DataFixtures.problems(db, robots, List.of()));
        assertEquals(List.of("1"), db.rows("SELECT COUNT(*) FROM cairn_history WHERE version = '2'"));
        assertEquals(List.of("A", "B"), db.rows("SELECT DISTINCT worker FROM robot_skills ORDER BY worker"),
                "both processes did batches");
    }

    private static long rowsDone(TestDb db) {
        try {
            return Long.parseLong(db.rows("SELECT COALESCE(SUM(rows_done), 0) FROM cairn_history_data").get(0));
        } catch (IllegalStateException tableNotThereYet) {
            return 0;
        }
    }
}
