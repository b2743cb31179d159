package dev.cairn.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.MigrationEvent;
import dev.cairn.runtime.MigrationFailedException;
import dev.cairn.runtime.MigrationListener;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.MigrationState;
import dev.cairn.runtime.MigrationStatus;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.Progress;
import dev.cairn.runtime.RollbackReport;
import dev.cairn.runtime.testing.DataFixtures;
import dev.cairn.runtime.testing.DataFixtures.Options;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.TestDb;
import dev.cairn.runtime.Database;
import dev.cairn.runtime.testing.Mig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A data migration end to end on each database: JSON split into rows batch by batch, each batch
 * committed with its checkpoint, recorded once every batch is done; rolled back through its
 * backward work; with its progress reported.
 */
class DataMigrationTest {

    private static final int ROBOTS = 2_500;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void jsonIsSplitIntoRows_batchByBatch_andTheMigrationIsRecordedOnce(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(DataFixtures.source(Options.defaults())).load().migrate("1");
        DataFixtures.fill(db, ROBOTS);

        MigrationReport report = db.configure(DataFixtures.source(Options.defaults().size(300))).load().migrate();

        ExecutedDataMigration data = assertInstanceOf(ExecutedDataMigration.class, report.applied().get(0));
        assertEquals(ROBOTS, data.rowsProcessed());
        assertEquals(9, data.batches());
        assertEquals(2L * ROBOTS, data.rowsWritten());
        assertEquals(0, data.resumedFrom());
        assertEquals(0, data.rowsQuarantined());
        assertTrue(data.summary().endsWith(": 2500 rows in 9 batches"), data.summary());
        assertEquals(List.of(), DataFixtures.problems(db, ROBOTS, List.of()));
        assertEquals(List.of("2"), db.rows("SELECT version FROM cairn_history WHERE version = '2'"));
        assertEquals(List.of("0"), db.rows("SELECT COUNT(*) FROM cairn_history_data"), "checkpoints are deleted once done");
        assertTrue(db.configure(DataFixtures.source(Options.defaults())).load().status().isUpToDate());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void progress_isMonotonic_atMostAFewTimesASecond_andEndsAtTheTotal(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(DataFixtures.source(Options.defaults())).load().migrate("1");
        DataFixtures.fill(db, ROBOTS);
        List<Progress> events = Collections.synchronizedList(new ArrayList<>());
        Options slow = Options.defaults().size(100).hook(row -> {
            if (row.longValue("id") % 100 == 0) {
                Thread.sleep(40);
            }
        });

        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        Logger cairn = Logger.getLogger(Migrator.LOGGER_NAME);
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
                // Nothing buffered.
            }

            @Override
            public void close() {
                // Nothing held.
            }
        };
        cairn.addHandler(capture);
        long start = System.nanoTime();
        try {
            db.configure(DataFixtures.source(slow)).listener(new MigrationListener() {
                @Override
                public void onProgress(MigrationEvent event, Progress progress) {
                    events.add(progress);
                }
            }).load().migrate();
        } finally {
            cairn.removeHandler(capture);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();

        assertTrue(events.size() >= 3, "a run of about a second reports a few times: " + events);
        assertTrue(events.size() <= 25, "never per batch, let alone per row: " + events.size() + " events for 25 batches");
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).done() >= events.get(i - 1).done(), "monotonic: " + events);
            assertTrue(events.get(i).batch() >= events.get(i - 1).batch(), "monotonic: " + events);
        }
        Progress last = events.get(events.size() - 1);
        assertEquals(ROBOTS, last.done());
        assertEquals(ROBOTS, last.total().getAsLong());
        assertEquals(25, last.batch());
        assertEquals(ROBOTS, events.get(0).total().getAsLong(), "counted before the first batch");
        List<String> progressLines = logged.stream().filter(line -> line.contains(" rows/s")).toList();
        assertTrue(!progressLines.isEmpty() && progressLines.size() <= 1 + seconds / 5,
                "Cairn's log tells progress at most every five seconds: " + progressLines);
        assertTrue(progressLines.get(0).matches("Migration 2 \"Split robot skills\" \\(test.V2_Splitrobotskills\\) on .*: \\d+ of"
                + " 2500 rows \\(\\d+%\\), batch \\d+, \\d+ rows/s, about \\d+ s left"), progressLines.get(0));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void rollback_runsTheBackwardWork_inBatches(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(DataFixtures.source(Options.defaults())).load().migrate("1");
        DataFixtures.fill(db, ROBOTS);
        Migrator migrator = db.configure(DataFixtures.source(Options.defaults().size(700))).load();
        migrator.migrate();

        RollbackReport report = migrator.rollback("2");

        ExecutedMigration undone = report.rolledBack().get(0);
        ExecutedDataMigration data = assertInstanceOf(ExecutedDataMigration.class, undone);
        assertEquals(ROBOTS, data.rowsProcessed());
        assertEquals(4, data.batches());
        assertEquals(List.of("0"), db.rows("SELECT COUNT(*) FROM robot_skills"));
        assertEquals(List.of(), db.rows("SELECT version FROM cairn_history WHERE version = '2'"));
        assertEquals(List.of("0"), db.rows("SELECT COUNT(*) FROM cairn_history_data"));
        MigrationStatus status = migrator.status().migrations().get(1);
        assertEquals(MigrationState.PENDING, status.state());

        migrator.migrate();
        assertEquals(List.of(), DataFixtures.problems(db, ROBOTS, List.of()), "applied again from the beginning");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void anInterruptedRollback_staysApplied_andTheNextRollbackResumesIt(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(DataFixtures.source(Options.defaults())).load().migrate("1");
        DataFixtures.fill(db, ROBOTS);
        AtomicBoolean failOnce = new AtomicBoolean(true);
        Migrator migrator = db.configure(Mig.source(DataFixtures.SCHEMA, Mig.v("2", "Split robot skills").dependsOn("1")
                .step(() -> new DataFixtures.SplitSkills(Options.defaults().size(500)) {
                    @Override
                    protected Batches backward(Database database) {
                        return Batches.from("legacy_robots").select("id").key("id").size(500).each((row, batch) -> {
                            if (row.longValue("id") == 1_700 && failOnce.getAndSet(false)) {
                                throw new IllegalStateException("robot 1700 is busy");
                            }
                            batch.update("DELETE FROM robot_skills WHERE robot_id = ?").add(row.longValue("id"));
                        });
                    }
                }).build())).load();
        migrator.migrate();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> migrator.rollback("2"));

        assertTrue(e.getMessage().startsWith("Rolling back data migration 2 \"Split robot skills\""), e.getMessage());
        assertTrue(e.getMessage().endsWith("then run the rollback again: it resumes after the last committed batch."),
                e.getMessage());
        assertEquals(List.of("2000|1501"), db.rows("SELECT COUNT(*), MIN(robot_id) FROM robot_skills"));
        MigrationStatus status = migrator.status().migrations().get(1);
        assertEquals(MigrationState.IN_PROGRESS, status.state());
        assertTrue(status.detail().startsWith("in progress (down), 1500 of 2500 rows done"), status.detail());

        RollbackReport report = migrator.rollback("2");

        assertEquals(1500, assertInstanceOf(ExecutedDataMigration.class, report.rolledBack().get(0)).resumedFrom());
        assertEquals(List.of("0"), db.rows("SELECT COUNT(*) FROM robot_skills"));
        assertEquals(MigrationState.PENDING, migrator.status().migrations().get(1).state());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void pauseThrottleAndAdaptiveSize_shapeTheBatches(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(DataFixtures.source(Options.defaults())).load().migrate("1");
        DataFixtures.fill(db, ROBOTS);
        List<Long> sizes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger heldOff = new AtomicInteger();
        Migrator migrator = db.configure(Mig.source(DataFixtures.SCHEMA, Mig.v("2", "Copy names").dependsOn("1").irreversible()
                .step(() -> new DataMigration() {
                    private long batch;
                    private long rows;

                    @Override
                    protected Batches forward(Database database) {
                        return Batches.from("legacy_robots").select("id").key("id").size(100)
                                .adaptive(Duration.ofSeconds(10)).pause(Duration.ofMillis(5))
                                .throttle(connection -> {
                                    try (var statement = connection.createStatement();
                                            var lag = statement.executeQuery("SELECT 1")) {
                                        lag.next();
                                    }
                                    // Holds off twice before the second batch, as a lagging replica would.
                                    return batch == 1 && heldOff.getAndIncrement() < 2;
                                })
                                .each((row, b) -> {
                                    if (b.number() != batch) {
                                        if (batch > 0) {
                                            sizes.add(rows);
                                        }
                                        batch = b.number();
                                        rows = 0;
                                    }
                                    rows++;
                                });
                    }
                }).build())).load();

        migrator.migrate();

        // Fast batches grow toward the 10 s target: doubling each time, up to ten times the size given.
        assertEquals(List.of(100L, 200L, 400L, 800L), sizes.subList(0, 4), sizes.toString());
        assertEquals(3, heldOff.get(), "asked again after each hold-off, then let go");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void withoutBackward_aDataMigrationIsIrreversible(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(DataFixtures.SCHEMA,
                Mig.v("2", "Forward only").dependsOn("1").irreversible().step(() -> new DataMigration() {
                    @Override
                    protected Batches forward(Database database) {
                        return Batches.from("legacy_robots").key("id").each((row, batch) -> {
                        });
                    }
                }).build())).load();
        migrator.migrate();
        String before = db.snapshot();

        dev.cairn.runtime.MigrationException e = assertThrows(dev.cairn.runtime.MigrationException.class,
                () -> migrator.rollback("2"));

        assertEquals(ErrorCode.IRREVERSIBLE, e.code(), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aBatchSizeOfZero_isRefusedBeforeAnythingRuns(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(DataFixtures.source(Options.defaults())).load().migrate("1");
        DataFixtures.fill(db, 10);
        String before = db.snapshot();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(DataFixtures.source(Options.defaults().size(0))).load().migrate());

        assertTrue(e.getMessage().contains("java.lang.IllegalArgumentException: size(0): give between 1 and 1,000,000 rows per"
                + " batch"), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aSourceWithoutKey_isRefusedBeforeAnythingRuns(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(DataFixtures.source(Options.defaults())).load().migrate("1");
        String before = db.snapshot();
        Migrator migrator = db.configure(Mig.source(DataFixtures.SCHEMA,
                Mig.v("2", "No key").dependsOn("1").step(() -> new DataMigration() {
                    @Override
                    protected Batches forward(Database database) {
                        return Batches.from("legacy_robots").each((row, batch) -> {
                        });
                    }
                }).build())).load();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, migrator::migrate);

        assertTrue(e.getMessage().startsWith("Migration 2 \"No key\" (test.V2_Nokey) failed, and its transaction was rolled"
                + " back: the database is as it was before it."), e.getMessage());
        assertTrue(e.getMessage().contains("Data migration 2 \"No key\" (test.V2_Nokey): forward() names no key: add"
                + " .key(\"id\") (a unique, NOT NULL column or columns). Nothing was changed."), e.getMessage());
        assertEquals(before, db.snapshot(), "the failed attempt leaves no checkpoint");
    }
}
