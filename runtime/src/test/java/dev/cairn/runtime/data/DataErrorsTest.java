package dev.cairn.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationEvent;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.MigrationFailedException;
import dev.cairn.runtime.MigrationListener;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.MigrationState;
import dev.cairn.runtime.MigrationStatus;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.Progress;
import dev.cairn.runtime.testing.DataFixtures.Options;
import dev.cairn.runtime.testing.DataFixtures;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A data migration's failures: a bad row stops it naming the row (its committed batches stay, and
 * the next migrate resumes after them), or under the quarantine policy is set aside with its raw
 * values; a run past its timeout stops the same way.
 */
class DataErrorsTest {

    private static final int ROBOTS = 2_500;
    private static final String MALFORMED = "{\"WALK\": {\"level\": BEGINNER}}";

    @TempDir
    Path dir;

    private TestDb filled(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(DataFixtures.source(Options.defaults())).load().migrate("1");
        DataFixtures.fill(db, ROBOTS);
        return db;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aMalformedRow_failsTheMigrationNamingIt_committedBatchesStay_andMigrateResumesOnceItIsFixed(DbKind kind) {
        TestDb db = filled(kind);
        db.execute("UPDATE legacy_robots SET skills = '" + MALFORMED + "' WHERE id = 1234");
        Migrator migrator = db.configure(DataFixtures.source(Options.defaults().size(300))).load();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, migrator::migrate);

        assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
        assertEquals("2", e.version().toString());
        assertEquals("Data migration 2 \"Split robot skills\" (test.V2_Splitrobotskills) failed on the row with key [1234]"
                + " in batch 5: Column skills of the row with key [1234] is not valid JSON at line 1, column 28: Unrecognized"
                + " token 'BEGINNER': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false').\n"
                + "  The batch under way was rolled back; the batches committed before it stay, with their checkpoint in"
                + " cairn_history_data (1200 rows done in all, 4 batches in this run).\n"
                + "Fix that row, or test.V2_Splitrobotskills's row handler, or set such rows aside with"
                + " .onError(OnError.QUARANTINE); then run migrate again: it resumes after the last committed batch.",
                e.getMessage());
        BadRowException bad = assertInstanceOf(BadRowException.class, e.getCause());
        assertEquals("skills", bad.column().orElseThrow());
        assertEquals(1234L, ((Number) bad.key().get(0)).longValue());
        assertEquals(List.of("2400|1200"), db.rows("SELECT COUNT(*), MAX(robot_id) FROM robot_skills"),
                "the four committed batches, nothing of the fifth");
        assertEquals(List.of(), db.rows("SELECT version FROM cairn_history WHERE version = '2'"));
        MigrationStatus status = migrator.status().migrations().get(1);
        assertEquals(MigrationState.IN_PROGRESS, status.state(), status.detail());
        assertTrue(status.detail().startsWith("in progress (up), 1200 of 2500 rows done, last batch committed "),
                status.detail());
        assertTrue(status.detail().endsWith(", resumable: the next migrate goes on from there"), status.detail());

        db.execute("UPDATE legacy_robots SET skills = '{\"WALK\": {\"level\": \"BEGINNER\", \"score\": 4},"
                + " \"TURN\": {\"level\": \"EXPERT\", \"score\": 9}}' WHERE id = 1234");
        List<Progress> events = new ArrayList<>();
        MigrationReport resumed = db.configure(DataFixtures.source(Options.defaults().size(300))).listener(new MigrationListener() {
            @Override
            public void onProgress(MigrationEvent event, Progress progress) {
                events.add(progress);
            }
        }).load().migrate();

        ExecutedDataMigration data = assertInstanceOf(ExecutedDataMigration.class, resumed.applied().get(0));
        assertEquals(1200, data.resumedFrom());
        assertEquals(1300, data.rowsProcessed());
        Progress last = events.get(events.size() - 1);
        assertEquals(2500, last.done());
        assertEquals(1200, last.resumedFrom(), "the rate counts this run's rows only");
        assertEquals(List.of(), DataFixtures.problems(db, ROBOTS, List.of()));
        assertTrue(migrator.status().isUpToDate());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void declaredNonTransactional_aStoppedRunStillResumes_ratherThanAskForRepair(DbKind kind) {
        TestDb db = filled(kind);
        db.execute("UPDATE legacy_robots SET skills = '" + MALFORMED + "' WHERE id = 1234");
        Migrator migrator = db.configure(dev.cairn.runtime.testing.Mig.source(DataFixtures.SCHEMA,
                dev.cairn.runtime.testing.Mig.v("2", "Split robot skills").dependsOn("1").nonTransactional()
                        .step(() -> new DataFixtures.SplitSkills(Options.defaults().size(300))).build())).load();
        assertThrows(MigrationFailedException.class, migrator::migrate);
        db.execute("UPDATE legacy_robots SET skills = NULL WHERE id = 1234");

        MigrationReport resumed = migrator.migrate();

        assertEquals(1200, assertInstanceOf(ExecutedDataMigration.class, resumed.applied().get(0)).resumedFrom());
        assertEquals(List.of(), DataFixtures.problems(db, ROBOTS, List.of(1234L)));
    }

    /** A changed key or source would page the rest from the old checkpoint: rows skipped or done twice. */
    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aStoppedRun_isNotResumedByChangedCode_andTheDatabaseStaysAsTheOldCodeLeftIt(DbKind kind) {
        TestDb db = filled(kind);
        db.execute("UPDATE legacy_robots SET skills = '" + MALFORMED + "' WHERE id = 1234");
        assertThrows(MigrationFailedException.class, () -> db.configure(DataFixtures.source(Options.defaults().size(300)))
                .load().migrate());
        db.execute("UPDATE legacy_robots SET skills = '{}' WHERE id = 1234");
        String before = db.snapshot();
        MigrationDescriptor changed = MigrationDescriptor.builder("2", "test.V2_Splitrobotskills").description("Split robot skills")
                .dependsOn("1").checksum("test1:changed").steps(() -> new DataFixtures.SplitSkills(Options.defaults())).build();

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.configure(Mig.source(DataFixtures.SCHEMA, changed)).load().migrate());

        assertEquals(ErrorCode.CHECKSUM_MISMATCH, e.code());
        assertTrue(e.getMessage().startsWith("Data migration 2 \"Split robot skills\" (test.V2_Splitrobotskills) stopped part"
                + " way, and its code changed since (checksum test1:"), e.getMessage());
        assertTrue(e.getMessage().contains("DELETE FROM cairn_history_data WHERE version = '2' AND direction = 'up'"), e.getMessage());
        assertEquals(before, db.snapshot());

        db.configure(DataFixtures.source(Options.defaults().size(300))).load().migrate();

        assertEquals(List.of(), DataFixtures.problems(db, ROBOTS, List.of(1234L)));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aRunFromTheBeginning_forgetsTheRowsARolledBackRunSetAside(DbKind kind) {
        TestDb db = filled(kind);
        db.execute("UPDATE legacy_robots SET skills = '" + MALFORMED + "' WHERE id = 1234");
        Migrator migrator = db.configure(DataFixtures.source(Options.defaults().size(300).onError(OnError.QUARANTINE))).load();
        migrator.migrate();
        migrator.rollback("2");

        MigrationReport again = migrator.migrate();

        assertEquals(1, assertInstanceOf(ExecutedDataMigration.class, again.applied().get(0)).rowsQuarantined());
        assertEquals(List.of("1"), db.rows("SELECT COUNT(*) FROM cairn_history_quarantine"));
        assertEquals("1 row set aside in cairn_history_quarantine",
                migrator.status().migrations().get(1).detail());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void underQuarantine_badRowsAreSetAsideWithTheirKeyAndRawValue_andTheRestIsMigrated(DbKind kind) {
        TestDb db = filled(kind);
        db.execute("UPDATE legacy_robots SET skills = '" + MALFORMED + "' WHERE id = 1234",
                // Parses, but its row breaks robot_skills' CHECK: only the database can tell, when the batch is written.
                "UPDATE legacy_robots SET skills = '{\"WALK\": {\"level\": \"BEGINNER\", \"score\": -1}}' WHERE id = 77");

        MigrationReport report = db.configure(DataFixtures.source(Options.defaults().size(300).onError(OnError.QUARANTINE)))
                .load().migrate();

        ExecutedDataMigration data = assertInstanceOf(ExecutedDataMigration.class, report.applied().get(0));
        assertEquals(ROBOTS, data.rowsProcessed());
        assertEquals(2, data.rowsQuarantined());
        assertTrue(data.summary().contains(", 2 quarantined"), data.summary());
        assertEquals(List.of(), DataFixtures.problems(db, ROBOTS, List.of(77L, 1234L)));
        List<String> quarantined = db.rows("SELECT version, direction, row_key, error, raw_value FROM cairn_history_quarantine"
                + " ORDER BY row_key");
        assertEquals(2, quarantined.size(), quarantined.toString());
        assertEquals("2|up|[[\"" + (kind == DbKind.SQLITE ? "int" : "long") + "\",\"1234\"]]|Column skills of the row with key [1234] is not valid JSON at line 1, column 28:"
                + " Unrecognized token 'BEGINNER': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or"
                + " 'false')|{\"id\":\"1234\",\"skills\":\"" + MALFORMED.replace("\"", "\\\"") + "\"}", quarantined.get(0));
        assertTrue(quarantined.get(1).startsWith("2|up|[[\"" + (kind == DbKind.SQLITE ? "int" : "long")
                + "\",\"77\"]]|its writes failed: "), quarantined.get(1));
        assertTrue(quarantined.get(1).toLowerCase().contains("check"), quarantined.get(1));
        assertEquals(List.of("0"), db.rows("SELECT COUNT(*) FROM robot_skills WHERE robot_id IN (77, 1234)"),
                "nothing of a set-aside row is written");
        MigrationStatus status = db.configure(DataFixtures.source(Options.defaults())).load().status().migrations().get(1);
        assertEquals(MigrationState.APPLIED, status.state());
        assertEquals("2 rows set aside in cairn_history_quarantine", status.detail());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aWriteTheDatabaseRefuses_failsNamingTheBatchsKeys(DbKind kind) {
        TestDb db = filled(kind);
        db.execute("UPDATE legacy_robots SET skills = '{\"WALK\": {\"level\": \"BEGINNER\", \"score\": -1}}' WHERE id = 77");
        Migrator migrator = db.configure(DataFixtures.source(Options.defaults().size(50))).load();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, migrator::migrate);

        assertTrue(e.getMessage().startsWith("Data migration 2 \"Split robot skills\" (test.V2_Splitrobotskills) failed"
                + " writing batch 2 (the rows with keys [51] to [100]): "), e.getMessage());
        assertTrue(e.getMessage().contains("(50 rows done in all, 1 batch in this run)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Find the row whose writes the database refuses and fix it or the handler, or use"
                + " .onError(OnError.QUARANTINE), which retries the batch row by row and sets the refused rows aside; then run"
                + " migrate again: it resumes after the last committed batch."), e.getMessage());
        assertInstanceOf(SQLException.class, e.getCause(), "the database's error is kept");
        assertTrue(e.getMessage().toLowerCase().contains("check"), e.getMessage());
        assertEquals(List.of("100|50"), db.rows("SELECT COUNT(*), MAX(robot_id) FROM robot_skills"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aRunPastItsTimeout_rollsItsBatchBack_keepsTheCheckpoint_andTheNextMigrateResumes(DbKind kind) {
        TestDb db = filled(kind);
        Options slow = Options.defaults().size(100).hook(row -> Thread.sleep(1));
        String before = db.rows("SELECT COUNT(*) FROM legacy_robots").toString();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> db.configure(DataFixtures.source(slow))
                .migrationTimeout(Duration.ofMillis(700)).load().migrate());

        assertTrue(e.getMessage().startsWith("Data migration 2 \"Split robot skills\" (test.V2_Splitrobotskills) failed by"
                + " running past its timeout (700 ms) in batch "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Run migrate again: it resumes after the last committed batch. To do more in one"
                + " run, raise migrationTimeout or give the migration .timeout(...)."), e.getMessage());
        long committed = Long.parseLong(db.rows("SELECT SUM(rows_done) FROM cairn_history_data").get(0));
        assertTrue(committed > 0 && committed < ROBOTS && committed % 100 == 0, "whole batches only: " + committed);
        assertEquals(List.of(String.valueOf(2 * committed)), db.rows("SELECT COUNT(*) FROM robot_skills"),
                "the batch under way was rolled back");
        assertEquals(before, db.rows("SELECT COUNT(*) FROM legacy_robots").toString());

        MigrationReport resumed = db.configure(DataFixtures.source(Options.defaults().size(100))).load().migrate();

        ExecutedDataMigration data = assertInstanceOf(ExecutedDataMigration.class, resumed.applied().get(0));
        assertEquals(committed, data.resumedFrom());
        assertEquals(ROBOTS - committed, data.rowsProcessed());
        assertEquals(List.of(), DataFixtures.problems(db, ROBOTS, List.of()));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aHandlerStuckInOneRow_isStoppedAtTheTimeout_andItsBatchRolledBack(DbKind kind) {
        TestDb db = filled(kind);
        Options stuck = Options.defaults().size(100).hook(row -> {
            if (row.longValue("id") == 250) {
                Thread.sleep(60_000);
            }
        });
        long start = System.nanoTime();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> db.configure(DataFixtures.source(stuck))
                .migrationTimeout(Duration.ofMillis(800)).load().migrate());

        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20, "stopped, not waited for");
        assertTrue(e.getMessage().contains("failed by running past its timeout (800 ms) in batch 3"), e.getMessage());
        assertEquals(List.of("400|200"), db.rows("SELECT COUNT(*), MAX(robot_id) FROM robot_skills"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aStatementOfTheHandlersOwn_isCancelledAtTheTimeout(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(DataFixtures.source(Options.defaults())).load().migrate("1");
        DataFixtures.fill(db, 10);
        MigrationDescriptor slow = dev.cairn.runtime.testing.Mig.v("2", "Slow lookup").dependsOn("1").irreversible()
                .step(() -> new DataMigration() {
                    @Override
                    protected Batches forward(dev.cairn.runtime.Database database) {
                        return Batches.from("legacy_robots").key("id").timeout(Duration.ofMillis(800)).each((row, batch) -> {
                            try (var statement = batch.connection().createStatement()) {
                                // A lookup that takes far too long: a sleep, or on SQLite a huge recursive count.
                                statement.execute(kind == DbKind.POSTGRES ? "SELECT pg_sleep(60)"
                                        : "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT COUNT(*) FROM n");
                            }
                        });
                    }
                }).build();
        long start = System.nanoTime();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(dev.cairn.runtime.testing.Mig.source(DataFixtures.SCHEMA, slow)).load().migrate());

        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20, "cancelled, not waited for");
        assertTrue(e.getMessage().contains("failed by running past its timeout (800 ms) in batch 1"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aMigrationsOwnTimeout_replacesTheMigrators(DbKind kind) {
        TestDb db = filled(kind);
        Options slow = Options.defaults().size(100).timeout(Duration.ofMillis(500)).hook(row -> Thread.sleep(1));

        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> db.configure(DataFixtures.source(slow))
                .migrationTimeout(Duration.ofHours(1)).load().migrate());

        assertTrue(e.getMessage().contains("failed by running past its timeout (500 ms) in batch "), e.getMessage());
    }
}
