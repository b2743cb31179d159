package dev.cairn.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.Checks;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationFailedException;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.MigrationState;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.testing.DataFixtures;
import dev.cairn.runtime.testing.DataFixtures.Options;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A data migration's conditions: its preconditions before its first batch (a failure leaves the
 * database as it was), its postconditions inside its last batch's transaction (a failure rolls
 * that batch back, keeps the ones before, and the next migrate runs it and checks again).
 */
class DataConditionsTest {

    private static final int ROBOTS = 2_500;

    @TempDir
    Path dir;

    /** The split, with a precondition on the source and a postcondition on the result, each failing while its flag is set. */
    private static MigrationDescriptor checked(AtomicBoolean failBefore, AtomicBoolean failAfter) {
        return Mig.v("2", "Split robot skills").dependsOn("1").step(() -> new DataFixtures.SplitSkills(Options.defaults().size(300)) {
            @Override
            public void preconditions(Checks checks) throws Exception {
                checks.count("robots to split", "SELECT COUNT(*) FROM legacy_robots", failBefore.get() ? 1 : ROBOTS);
            }

            @Override
            public void postconditions(Checks checks) throws Exception {
                checks.equal("two skills per robot", "SELECT 2 * COUNT(*)" + (failAfter.get() ? " + 1" : "")
                        + " FROM legacy_robots", "SELECT COUNT(*) FROM robot_skills");
            }
        }).build();
    }

    private TestDb filled(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(DataFixtures.source(Options.defaults())).load().migrate("1");
        DataFixtures.fill(db, ROBOTS);
        return db;
    }

    /** A run that committed no batch changed nothing its preconditions check: the next run checks them again. */
    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aRunStoppedInItsFirstBatch_checksItsPreconditionsAgain_atTheNextMigrate(DbKind kind) {
        TestDb db = filled(kind);
        AtomicBoolean failBefore = new AtomicBoolean(false);
        Migrator migrator = db.configure(Mig.source(DataFixtures.SCHEMA, checked(failBefore, new AtomicBoolean(false)))).load();
        db.execute("UPDATE legacy_robots SET skills = '{' WHERE id = 1");
        assertThrows(MigrationFailedException.class, migrator::migrate);
        db.execute("UPDATE legacy_robots SET skills = '{\"WALK\": {\"level\": \"BEGINNER\", \"score\": 1},"
                + " \"TURN\": {\"level\": \"EXPERT\", \"score\": 9}}' WHERE id = 1");
        failBefore.set(true);
        String before = db.snapshot();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, migrator::migrate);

        assertEquals(ErrorCode.CONDITION_FAILED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("robots to split"), e.getMessage());
        assertEquals(before, db.snapshot());
        failBefore.set(false);
        migrator.migrate();
        assertEquals(List.of(), DataFixtures.problems(db, ROBOTS, List.of()));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aFailedPrecondition_stopsItBeforeItsFirstBatch_leavingTheDatabaseAsItWas(DbKind kind) {
        TestDb db = filled(kind);
        String before = db.snapshot();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> db.configure(
                Mig.source(DataFixtures.SCHEMA, checked(new AtomicBoolean(true), new AtomicBoolean(false)))).load().migrate());

        assertEquals(ErrorCode.CONDITION_FAILED, e.code(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Data migration 2 \"Split robot skills\" (test.V2_Splitrobotskills) failed at its"
                + " pre-conditions, before its first batch: "), e.getMessage());
        assertTrue(e.getMessage().contains("robots to split"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  No batch of it was committed; the next run starts from the beginning.\n"), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aFailedPostcondition_rollsTheLastBatchBack_andTheNextMigrateRunsItAndChecksAgain(DbKind kind) {
        TestDb db = filled(kind);
        AtomicBoolean failAfter = new AtomicBoolean(true);
        Migrator migrator = db.configure(Mig.source(DataFixtures.SCHEMA, checked(new AtomicBoolean(false), failAfter))).load();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, migrator::migrate);

        assertEquals(ErrorCode.CONDITION_FAILED, e.code(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Data migration 2 \"Split robot skills\" (test.V2_Splitrobotskills) failed at its"
                + " post-conditions in batch 9, the last: "), e.getMessage());
        assertTrue(e.getMessage().contains("two skills per robot"), e.getMessage());
        assertTrue(e.getMessage().contains("(2400 rows done in all, 8 batches in this run)"), e.getMessage());
        assertEquals(List.of("4800"), db.rows("SELECT COUNT(*) FROM robot_skills"), "batches 1 to 8 stay, the last is undone");
        assertEquals(MigrationState.IN_PROGRESS, migrator.status().migrations().get(1).state());

        failAfter.set(false);
        MigrationReport report = migrator.migrate();

        ExecutedDataMigration data = assertInstanceOf(ExecutedDataMigration.class, report.applied().get(0));
        assertEquals(2400, data.resumedFrom());
        assertEquals(100, data.rowsProcessed());
        assertEquals(List.of(), DataFixtures.problems(db, ROBOTS, List.of()));

        failAfter.set(true);
        migrator.rollback("2");
        assertEquals(List.of("0"), db.rows("SELECT COUNT(*) FROM robot_skills"), "a rollback checks none of up()'s conditions");
    }
}
