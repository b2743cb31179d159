package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ValidationReport.Kind;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Fixtures;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cairn's tables edited by hand: a checksum Cairn does not write, two rows of one version, a
 * deleted history row, a dropped table. Each is found and explained; commands that write refuse
 * what they cannot trust, and commands that read keep working.
 */
class TamperedHistoryTest {

    @TempDir
    Path dir;

    private static final MigrationDescriptor V1 = Fixtures.CREATE_ROUTERS;
    private static final MigrationDescriptor V2 = Fixtures.CREATE_PLANNERS;
    private static final MigrationDescriptor V3 = Fixtures.CREATE_WORKERS;

    private static List<MigrationState> states(StatusReport status) {
        return status.migrations().stream().map(MigrationStatus::state).toList();
    }

    private static List<Kind> kinds(ValidationReport validation) {
        return validation.problems().stream().map(ValidationReport.Problem::kind).toList();
    }

    private static List<MigrationVersion> versions(String... versions) {
        return List.of(versions).stream().map(MigrationVersion::parse).toList();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void checksumsCairnDoesNotWrite_areChangesThatStatusAndValidateReportMigrateRefusesAndRepairAccepts(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1, V2)).load().migrate();
        db.execute("UPDATE cairn_history SET checksum = '' WHERE version = '1'",
                "UPDATE cairn_history SET checksum = '0badc0de' WHERE version = '2'");
        Migrator migrator = db.configure(Mig.source(V1, V2, V3)).load();
        String before = db.snapshot();

        StatusReport status = migrator.status();
        ValidationReport validation = migrator.validate();
        MigrationException e = assertThrows(MigrationException.class, migrator::migrate);

        String empty = "the checksum in the database, \"\", is not one Cairn writes (edited by hand?); this build's is "
                + V1.checksum();
        String untagged = "the checksum in the database, \"0badc0de\", is not one Cairn writes (edited by hand?); this"
                + " build's is " + V2.checksum();
        assertEquals(List.of(MigrationState.CHECKSUM_CHANGED, MigrationState.CHECKSUM_CHANGED, MigrationState.PENDING),
                states(status));
        assertEquals(List.of(empty, untagged), status.migrations().subList(0, 2).stream().map(MigrationStatus::detail).toList());
        assertEquals(List.of(Kind.CHECKSUM_CHANGED, Kind.CHECKSUM_CHANGED, Kind.PENDING), kinds(validation));
        assertEquals("1 \"Create routers\" (test.V1_Createrouters) has a checksum Cairn cannot compare: " + empty + "; if the"
                + " database has this migration's changes, run repair to record this build's checksum.",
                validation.problems().get(0).message());
        assertEquals(ErrorCode.CHECKSUM_MISMATCH, e.code());
        assertEquals("The checksums of applied migrations do not match this build in " + status.database() + ":\n"
                + "  1 \"Create routers\" (test.V1_Createrouters): " + empty + "\n"
                + "  2 \"Create planners\" (test.V2_Createplanners): " + untagged + "\n"
                + "A checksum Cairn does not write means the history table was edited by hand: if the database has the"
                + " migration's changes, run repair to record this build's checksum. Nothing was changed.", e.getMessage());
        assertEquals(before, db.snapshot());

        assertEquals(versions("1", "2"), migrator.repair().checksumsAccepted());
        assertEquals(1, migrator.migrate().applied().size());
        assertTrue(migrator.validate().isValid(), migrator.validate().summary());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void twoRowsOfOneVersion_areRefusedByEveryCommandThatWritesNamingBothRows(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1, V2)).load().migrate();
        db.execute("INSERT INTO cairn_history (version, description, checksum, installed_on, installed_by, execution_ms)"
                + " SELECT '2.0', description, checksum, installed_on, 'ops', 0 FROM cairn_history WHERE version = '2'");
        Migrator migrator = db.configure(Mig.source(V1, V2, V3)).load();
        MigrationStatus applied = migrator.status().migrations().get(1);
        String before = db.snapshot();

        MigrationException rollback = assertThrows(MigrationException.class, () -> migrator.rollback("2"));

        String rows = "\"2\" (applied " + applied.installedOn() + " by " + applied.installedBy() + ", checksum "
                + V2.checksum() + ") and \"2.0\" (applied " + applied.installedOn() + " by ops, checksum " + V2.checksum() + ")";
        assertEquals(ErrorCode.DATABASE_ERROR, rollback.code());
        assertEquals("The history table cairn_history records a version more than once, in spellings Cairn reads as the"
                + " same version:\n  2: " + rows + "\nSomeone inserted or edited rows by hand, and Cairn cannot tell which"
                + " one is right. Run status to see which carries this build's checksum, delete the other by hand (DELETE"
                + " FROM cairn_history WHERE version = '...', with the version as stored), then run repair, which gives the"
                + " row kept this build's checksum. Nothing was changed.", rollback.getMessage());
        for (Executable writing : List.<Executable>of(migrator::migrate, () -> migrator.baseline("3"), migrator::repair,
                migrator::dryRun, () -> migrator.rollbackTo("1"))) {
            assertEquals(rollback.getMessage(), assertThrows(MigrationException.class, writing).getMessage());
        }
        assertEquals(before, db.snapshot());
        assertTrue(db.hasTable("planners"), "down() did not run");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void twoRowsOfOneVersion_areShownByStatusAndValidateUntilOneIsDeleted(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1, V2)).load().migrate();
        db.execute("INSERT INTO cairn_history (version, description, checksum, installed_on, installed_by, execution_ms)"
                + " SELECT '02', description, 'test1:0badc0de', installed_on, 'ops', 0 FROM cairn_history WHERE version = '2'");
        Migrator migrator = db.configure(Mig.source(V1, V2, V3)).load();

        StatusReport status = migrator.status();
        ValidationReport validation = migrator.validate();

        MigrationStatus two = status.migrations().get(1);
        String detail = "recorded 2 times in the history table, \"2\" (applied " + two.installedOn() + " by "
                + two.installedBy() + ", checksum " + V2.checksum() + ") and \"02\" (applied " + two.installedOn()
                + " by ops, checksum test1:0badc0de), while this build's checksum is " + V2.checksum() + "; delete the"
                + " row that should not be there by hand, then run repair";
        assertEquals(List.of(MigrationState.APPLIED, MigrationState.DUPLICATE, MigrationState.PENDING), states(status));
        assertEquals(detail, two.detail());
        assertFalse(status.isUpToDate());
        assertTrue(status.summary().startsWith("Status of " + status.database() + ": 2 applied, 1 pending"), status.summary());
        assertEquals(List.of(Kind.DUPLICATE, Kind.PENDING), kinds(validation));
        assertEquals("2 \"Create planners\" (test.V2_Createplanners) is " + detail + ".", validation.problems().get(0).message());

        db.execute("DELETE FROM cairn_history WHERE version = '02'");
        assertTrue(migrator.repair().isNothingToRepair());
        assertEquals(1, migrator.migrate().applied().size());
        assertTrue(migrator.validate().isValid(), migrator.validate().summary());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void deletedHistoryRow_isPendingWithTheLogsRecordAndAdviceToBaselineIt(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(V1, V2, V3)).load();
        migrator.migrate();
        db.execute("DELETE FROM cairn_history WHERE version = '3'");
        LogEntry apply = migrator.history().entries().get(2);
        String before = db.snapshot();

        MigrationStatus three = migrator.status().migrations().get(2);
        ValidationReport validation = migrator.validate();

        String detail = "the log records it applied (APPLY on " + apply.loggedOn() + " by " + apply.loggedBy() + "), but"
                + " the history table has no row for it; if the database still has its changes, run baseline 3 to record"
                + " it without running it; if not, run repair, then migrate to apply it again (until repair, the state"
                + " table says this build is fully applied, so migrate does not look)";
        assertEquals(MigrationState.PENDING, three.state());
        assertEquals(detail, three.detail());
        assertEquals(List.of(Kind.PENDING), kinds(validation));
        assertEquals("3 \"Create workers\" (test.V3_Createworkers) is not applied: " + detail + ".",
                validation.problems().get(0).message());
        assertEquals(before, db.snapshot());

        assertEquals(versions("3"), migrator.baseline("3").marked());
        assertTrue(migrator.validate().isValid(), migrator.validate().summary());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void deletedHistoryRowBelowAPendingMigration_warnsThatBaselineRecordsThatOneToo(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1, V2, V3)).load().migrate();
        db.execute("DELETE FROM cairn_history WHERE version = '2'");
        MigrationDescriptor newer = Mig.v("1.5", "Create drivers").up("CREATE TABLE drivers (id INTEGER)").build();

        MigrationStatus two = db.configure(Mig.source(V1, newer, V2, V3)).load().status().migrations().get(2);

        assertEquals(MigrationState.OUT_OF_ORDER, two.state());
        assertTrue(two.detail().endsWith("; if the database still has its changes, run baseline 2 to record it without"
                + " running it (which also records 1.5 without running it: apply it first); if not, migrate applies it"
                + " again"), two.detail());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void deletedHistoryRowOfAMigrationUndoneByHand_isAppliedAgainAfterRepair(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(V1, V2, V3)).load();
        migrator.migrate();
        db.execute("DELETE FROM cairn_history WHERE version = '3'", "DROP TABLE workers");
        assertTrue(migrator.migrate().isUpToDate(), "the state table still says the build is fully applied");

        migrator.repair();

        assertEquals(versions("3"), migrator.migrate().applied().stream().map(ExecutedMigration::version).toList());
        assertTrue(db.hasTable("workers"));
        assertTrue(migrator.validate().isValid(), migrator.validate().summary());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void droppedLogTable_leavesStatusValidateAndHistoryWorkingAndTheySaySo(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(V1, V2)).load();
        migrator.migrate();
        db.execute("DROP TABLE cairn_log");
        String before = db.snapshot();

        StatusReport status = migrator.status();
        ValidationReport validation = migrator.validate();
        HistoryReport history = migrator.history();

        String note = "\nThe log table cairn_log does not exist (dropped or renamed?): there is no record of what ran,"
                + " failed or was interrupted. Cairn creates it again, empty, at the next migrate that has work to do,"
                + " baseline or repair.";
        assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED), states(status));
        assertTrue(status.summary().endsWith(note), status.summary());
        assertTrue(validation.isValid());
        assertTrue(validation.summary().endsWith(note), validation.summary());
        assertEquals(List.of(), history.entries());
        assertEquals("History of " + history.database() + ": 0 entries" + note, history.summary());
        assertEquals(before, db.snapshot());
        assertFalse(db.hasTable("cairn_log"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void droppedHistoryTable_leavesTheLogReadableAndItsMigrationsToBeBaselined(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(V1)).load();
        migrator.migrate();
        db.execute("DROP TABLE cairn_history");

        List<LogEntry> entries = migrator.history().entries();
        MigrationStatus one = migrator.status().migrations().get(0);

        assertEquals(List.of(LogAction.APPLY), entries.stream().map(LogEntry::action).toList());
        assertEquals(MigrationState.PENDING, one.state());
        assertTrue(one.detail().startsWith("the log records it applied (APPLY on " + entries.get(0).loggedOn()), one.detail());
    }
}
