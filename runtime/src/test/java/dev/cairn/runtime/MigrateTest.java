package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** migrate: fresh apply, re-run, targets, failures, out of order, checksums, unknown versions. */
class MigrateTest {

    @TempDir
    Path dir;

    private static final MigrationDescriptor V1 = Mig.v("1", "Create routers")
            .up("CREATE TABLE routers (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL)").down("DROP TABLE routers").build();
    private static final MigrationDescriptor V2 = Mig.v("2", "Seed routers").dependsOn("1")
            .up("INSERT INTO routers (id, name) VALUES (1, 'r1')", "INSERT INTO routers (id, name) VALUES (2, 'r2')")
            .down("DELETE FROM routers").build();
    private static final MigrationDescriptor V3 = Mig.v("3", "Create planners")
            .up("CREATE TABLE planners (id INTEGER PRIMARY KEY)").down("DROP TABLE planners").build();
    /** Fails on its second statement, after its first changed the schema and the data. */
    private static final MigrationDescriptor V4_BROKEN = Mig.v("4", "Add workers").dependsOn("2")
            .up("CREATE TABLE workers (id INTEGER PRIMARY KEY)", "INSERT INTO routers (id, name) VALUES (3, 'r3')",
                    "INSERT INTO no_such_table VALUES (1)")
            .down("DROP TABLE workers").build();
    private static final MigrationDescriptor V4 = Mig.v("4", "Add workers").dependsOn("2")
            .up("CREATE TABLE workers (id INTEGER PRIMARY KEY)", "INSERT INTO routers (id, name) VALUES (3, 'r3')")
            .down("DROP TABLE workers").build();

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void freshDatabase_appliesEverythingInPlanOrder(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationReport report = db.configure(Mig.source(V1, V2, V3)).load().migrate();

        assertEquals(List.of("1", "2", "3"), report.applied().stream().map(m -> m.version().toString()).toList());
        assertFalse(report.isUpToDate());
        assertTrue(report.outOfOrder().isEmpty());
        assertEquals(List.of("1|r1", "2|r2"), db.rows("SELECT id, name FROM routers ORDER BY id"));
        assertEquals(List.of("1|Create routers", "2|Seed routers", "3|Create planners"),
                db.rows("SELECT version, description FROM cairn_history ORDER BY version"));
        assertEquals(List.of("1|APPLY", "2|APPLY", "3|APPLY"), db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
        assertEquals(List.of("INSERT INTO routers (id, name) VALUES (1, 'r1')", "INSERT INTO routers (id, name) VALUES (2, 'r2')"),
                report.applied().get(1).statements());
        assertTrue(report.summary().startsWith("Applied 3 migrations to " + kind.name().charAt(0)), report.summary());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void secondRun_isUpToDateAndChangesNothing(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(V1, V2, V3)).load();
        migrator.migrate();
        String before = db.snapshot();
        List<String> log = db.rows("SELECT * FROM cairn_log ORDER BY id");

        MigrationReport again = migrator.migrate();

        assertTrue(again.isUpToDate());
        assertTrue(again.summary().contains("is up to date"), again.summary());
        assertEquals(before, db.snapshot());
        assertEquals(log, db.rows("SELECT * FROM cairn_log ORDER BY id"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void target_appliesUpToItWithPrerequisites(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor v5 = Mig.v("5", "Late prerequisite").up("CREATE TABLE late (id INTEGER)").build();
        MigrationDescriptor v2 = Mig.v("2", "Needs 5").dependsOn("5").up("CREATE TABLE needs_late (id INTEGER)").build();
        Migrator migrator = db.configure(Mig.source(V1, v5, v2, V3)).load();

        MigrationReport report = migrator.migrate("2");

        assertEquals(List.of("1", "5", "2"), report.applied().stream().map(m -> m.version().toString()).toList());
        assertFalse(db.hasTable("planners"));
        assertEquals(List.of(MigrationVersion.parse("3")),
                migrator.migrate().applied().stream().map(ExecutedMigration::version).toList());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void failureInTheMiddle_leavesTheDatabaseAsBeforeThatMigration(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1, V2)).load().migrate();
        String before = db.snapshot();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(V1, V2, V4_BROKEN, V3)).load().migrate());

        assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
        assertEquals(MigrationVersion.parse("4"), e.version());
        assertEquals("INSERT INTO no_such_table VALUES (1)", e.statement().orElseThrow());
        assertTrue(e.sqlState().isPresent() || kind == DbKind.SQLITE, "SQLState of " + e);
        assertTrue(e.getMessage().startsWith("Migration 4 \"Add workers\" (test.V4_Addworkers) failed, and its transaction"
                + " was rolled back: the database is as it was before it."), e.getMessage());
        assertTrue(e.getMessage().contains("Statement: INSERT INTO no_such_table VALUES (1)"), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Fix test.V4_Addworkers.up(), rebuild, and run migrate again."), e.getMessage());
        assertEquals(before, db.snapshot());
        assertEquals(List.of("1|APPLY", "2|APPLY", "4|FAIL"), db.rows("SELECT version, action FROM cairn_log ORDER BY id"));

        MigrationReport fixed = db.configure(Mig.source(V1, V2, V4, V3)).load().migrate();
        assertEquals(List.of("4", "3"), fixed.applied().stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of("1|r1", "2|r2", "3|r3"), db.rows("SELECT id, name FROM routers ORDER BY id"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void javaException_isReportedWithTheMigrationAndRolledBack(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor throwing = Mig.v("1", "Throws").step(() -> ctx -> {
            ctx.execute("CREATE TABLE half (id INTEGER)");
            throw new IllegalStateException("bad data in row 7");
        }).build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(throwing)).load().migrate());

        assertTrue(e.statement().isEmpty());
        assertTrue(e.getMessage().contains("Error: java.lang.IllegalStateException: bad data in row 7"), e.getMessage());
        assertFalse(db.hasTable("half"));
        assertEquals(List.of(), db.rows("SELECT * FROM cairn_history"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void olderPendingMigration_isAppliedOutOfOrderAndReported(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1, V3)).load().migrate();
        MigrationDescriptor v2 = Mig.v("2", "Hotfix").dependsOn("1").up("CREATE TABLE hotfix (id INTEGER)").build();

        MigrationReport report = db.configure(Mig.source(V1, v2, V3)).load().migrate();

        assertEquals(1, report.outOfOrder().size());
        assertTrue(report.applied().get(0).outOfOrder());
        assertTrue(report.summary().contains("2 \"Hotfix\" (") && report.summary().contains("out of order"), report.summary());
        assertTrue(db.hasTable("hotfix"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void strictOrder_refusesAnOlderPendingMigrationAndChangesNothing(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1, V3)).load().migrate();
        String before = db.snapshot();
        MigrationDescriptor v2 = Mig.v("2", "Hotfix").dependsOn("1").up("CREATE TABLE hotfix (id INTEGER)").build();

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.configure(Mig.source(V1, v2, V3)).strictOrder(true).load().migrate());

        assertEquals(ErrorCode.OUT_OF_ORDER, e.code());
        assertTrue(e.getMessage().startsWith("strictOrder is on, and 2 \"Hotfix\" (test.V2_Hotfix) is pending but older"
                + " than 3, the newest migration applied to "), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void changedAppliedMigration_isRefusedUntilRepaired(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1, V2)).load().migrate();
        String before = db.snapshot();
        MigrationDescriptor edited = Mig.v("2", "Seed routers").dependsOn("1")
                .up("INSERT INTO routers (id, name) VALUES (1, 'edited')").down("DELETE FROM routers").build();

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.configure(Mig.source(V1, edited, V3)).load().migrate());

        assertEquals(ErrorCode.CHECKSUM_MISMATCH, e.code());
        assertTrue(e.getMessage().contains("2 \"Seed routers\" (test.V2_Seedrouters): checksum in the database "
                + V2.checksum() + ", in this build " + edited.checksum()), e.getMessage());
        assertTrue(e.getMessage().contains("run repair to accept the new checksum"), e.getMessage());
        assertEquals(before, db.snapshot());
        assertFalse(db.configure(Mig.source(V1, edited, V3)).load().validate().isValid());

        assertEquals(1, db.configure(Mig.source(V1, edited, V3)).validateChecksums(false).load().migrate().applied().size());
        RepairReport repair = db.configure(Mig.source(V1, edited, V3)).load().repair();
        assertEquals(List.of(MigrationVersion.parse("2")), repair.checksumsAccepted());
        assertTrue(db.configure(Mig.source(V1, edited, V3)).load().migrate().isUpToDate());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void checksumOfAnotherAlgorithm_isNotComparedAndNotDrift(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1, V2)).load().migrate();
        db.execute("UPDATE cairn_history SET checksum = 'struct1:0badc0de' WHERE version = '2'");
        Migrator migrator = db.configure(Mig.source(V1, V2, V3)).load();

        assertEquals(List.of(MigrationVersion.parse("3")),
                migrator.migrate().applied().stream().map(ExecutedMigration::version).toList());

        List<MigrationStatus> status = migrator.status().migrations();
        assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.APPLIED),
                status.stream().map(MigrationStatus::state).toList());
        assertEquals("", status.get(0).detail());
        assertEquals("checksum recorded by another algorithm (struct1), not compared", status.get(1).detail());
        assertTrue(migrator.validate().isValid(), migrator.validate().summary());
        String before = db.snapshot();
        assertTrue(migrator.repair().isNothingToRepair(), "repair leaves a checksum of another algorithm alone");
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void droppedLogTable_isCreatedAgainWhenThereIsWork(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1)).load().migrate();
        db.execute("DROP TABLE cairn_log");

        assertTrue(db.configure(Mig.source(V1)).load().migrate().isUpToDate(), "the up-to-date check reads only the history");
        assertEquals(1, db.configure(Mig.source(V1, V2)).load().migrate().applied().size());

        assertEquals(List.of("2|APPLY"), db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void databaseAheadOfTheBuild_isRefusedUnlessAllowed(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1, V2, V3)).load().migrate();
        db.execute("CREATE TABLE marker (id INTEGER)");
        String before = db.snapshot();

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.configure(Mig.source(V1, V2)).load().migrate());

        assertEquals(ErrorCode.UNKNOWN_APPLIED, e.code());
        assertTrue(e.getMessage().contains("has 1 applied migration that this build does not know:\n  3 \"Create planners\""),
                e.getMessage());
        assertTrue(e.getMessage().contains("Deploy that build or a newer one. To run this build anyway, set"
                + " allowUnknownApplied(true). Nothing was changed."), e.getMessage());
        assertEquals(before, db.snapshot());
        assertTrue(db.configure(Mig.source(V1, V2)).allowUnknownApplied(true).load().migrate().isUpToDate());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void nonTransactionalFailure_saysWhatStayedDoneAndBlocksUntilRepaired(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor broken = Mig.v("2", "Two steps").dependsOn("1").nonTransactional()
                .up("CREATE TABLE step_one (id INTEGER)", "INSERT INTO nowhere VALUES (1)").build();
        Migrator migrator = db.configure(Mig.source(V1, broken)).load();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, migrator::migrate);

        assertEquals("Migration 2 \"Two steps\" (test.V2_Twosteps) failed. It is non-transactional (transactional = false),"
                + " so what ran before the failure stays done:\n    CREATE TABLE step_one (id INTEGER)",
                e.getMessage().lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow());
        assertTrue(e.getMessage().endsWith("Check the database, undo or complete those changes by hand, then run repair and"
                + " migrate again."), e.getMessage());
        String before = db.snapshot();
        MigrationException blocked = assertThrows(MigrationException.class, migrator::migrate);
        assertEquals(ErrorCode.INTERRUPTED, blocked.code());
        assertTrue(blocked.getMessage().contains("and its last run, started "), blocked.getMessage());
        assertTrue(blocked.getMessage().contains(", failed (up: ") && blocked.getMessage().contains("nowhere"),
                blocked.getMessage());
        assertEquals(before, db.snapshot());

        db.execute("DROP TABLE step_one");
        migrator.repair();
        MigrationException again = assertThrows(MigrationFailedException.class, migrator::migrate);
        assertEquals(ErrorCode.MIGRATION_FAILED, again.code(), "after repair, migrate runs it again");
    }
}
