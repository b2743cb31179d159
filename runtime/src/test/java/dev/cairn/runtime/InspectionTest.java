package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ValidationReport.Kind;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** status, history, validate, dry run, baseline, repair. */
class InspectionTest {

    @TempDir
    Path dir;

    private static final MigrationDescriptor V1 = Mig.v("1", "Create routers")
            .up("CREATE TABLE routers (id INTEGER PRIMARY KEY, name VARCHAR(20))").down("DROP TABLE routers").build();
    private static final MigrationDescriptor V2 = Mig.v("2", "Seed routers").dependsOn("1")
            .up("INSERT INTO routers (id, name) VALUES (1, 'r1')").down("DELETE FROM routers").build();
    private static final MigrationDescriptor V3 = Mig.v("3", "Create planners")
            .up("CREATE TABLE planners (id INTEGER PRIMARY KEY)").down("DROP TABLE planners").build();
    private static final MigrationDescriptor V4_BROKEN = Mig.v("4", "Broken").up("INSERT INTO nowhere VALUES (1)").build();

    private static List<MigrationState> states(StatusReport status) {
        return status.migrations().stream().map(MigrationStatus::state).toList();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void status_ofAnUntouchedDatabase_isAllPendingAndCreatesNothing(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(V1, V2)).load();

        StatusReport status = migrator.status();

        assertEquals(List.of(MigrationState.PENDING, MigrationState.PENDING), states(status));
        assertFalse(status.isUpToDate());
        assertTrue(migrator.history().entries().isEmpty());
        assertEquals(Kind.PENDING, migrator.validate().problems().get(0).kind());
        assertEquals(List.of(), db.tables());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void status_showsAppliedPendingOutOfOrderFailedAndUnknown(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1, V3, Mig.v("9", "From a newer build").up("CREATE TABLE newer (id INTEGER)").build()))
                .load().migrate();
        Migrator migrator = db.configure(Mig.source(V1, V2, V3, V4_BROKEN)).allowUnknownApplied(true).load();
        assertThrows(MigrationFailedException.class, migrator::migrate);

        StatusReport status = migrator.status();

        assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.FAILED,
                MigrationState.UNKNOWN), states(status));
        MigrationStatus failed = status.migrations().get(3);
        assertTrue(failed.detail().contains("nowhere"), failed.detail());
        assertTrue(status.summary().contains("FAILED"), status.summary());
        assertEquals("1|APPLY 3|APPLY 9|APPLY 2|APPLY 4|FAIL", String.join(" ", migrator.history().entries().stream()
                .map(e -> e.version() + "|" + e.action()).toList()));

        ValidationReport validation = migrator.validate();
        assertEquals(List.of(Kind.FAILED, Kind.UNKNOWN_APPLIED), validation.problems().stream().map(ValidationReport.Problem::kind).toList());
        assertTrue(validation.summary().contains("[UNKNOWN_APPLIED] 9 \"From a newer build\" is applied but unknown to this"
                + " build; deploy the build that has it, or if another migration set records its migrations in this history"
                + " table, give each set its own historyTable and logTable."), validation.summary());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void status_marksAnOlderPendingMigrationOutOfOrder(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1, V3)).load().migrate();

        StatusReport status = db.configure(Mig.source(V1, V2, V3)).load().status();

        assertEquals(List.of(MigrationState.APPLIED, MigrationState.OUT_OF_ORDER, MigrationState.APPLIED), states(status));
        assertEquals(1, status.pending().size());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void markerOfARunOnAnotherHost_isNotCalledDeadWhereThatCannotBeTold(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor index = Mig.v("2", "Index routers").dependsOn("1").nonTransactional()
                .up("CREATE INDEX routers_id ON routers (id)").build();
        Migrator migrator = db.configure(Mig.source(V1, index)).load();
        migrator.migrate("1");
        db.execute("INSERT INTO cairn_log (version, description, action, checksum, logged_on, logged_by, execution_ms, detail)"
                + " VALUES ('2', 'Index routers', 'RUNNING', '" + index.checksum() + "', '2026-01-01T00:00:00Z', 'ops', 0,"
                + " 'up() run by pid 4242 on build-agent-7 (run 0123456789ab)')");
        String before = db.snapshot();

        MigrationStatus status = migrator.status().migrations().get(1);
        MigrationException e = assertThrows(MigrationException.class, migrator::migrate);

        assertEquals(MigrationState.INTERRUPTED, status.state());
        assertEquals("last run, started 2026-01-01T00:00:00Z, has not finished: its up() run by pid 4242 on build-agent-7"
                + " (run 0123456789ab) ran on another host, and Cairn cannot tell whether it is still running on host"
                + " build-agent-7; if it is not running any more, it may be half applied: fix by hand, then run repair",
                status.detail());
        assertEquals(ErrorCode.INTERRUPTED, e.code());
        assertTrue(e.getMessage().contains(kind == DbKind.SQLITE
                ? ", has not finished: its up() run by pid 4242 on build-agent-7 (run 0123456789ab) ran on another host, and"
                        + " Cairn cannot tell whether it is still running on host build-agent-7. Part of it may be applied"
                // PostgreSQL's lock covers the whole run: holding it, Cairn knows that run ended.
                : ", never finished: its up() run by pid 4242 on build-agent-7 (run 0123456789ab) ended"), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void markersNamingLivePidsOfProcessesStartedAtAnotherTime_areInterruptedRunsThatRepairClears(DbKind kind) throws Exception {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor index = Mig.v("2", "Index routers").dependsOn("1").nonTransactional()
                .up("CREATE INDEX routers_id ON routers (id)").build();
        MigrationDescriptor indexNames = Mig.v("3", "Index names").dependsOn("1").nonTransactional()
                .up("CREATE INDEX routers_name ON routers (name)").build();
        Migrator migrator = db.configure(Mig.source(V1, index, indexNames)).load();
        migrator.migrate("1");
        // Pids that are alive right now but were reused: this process, and another on this host.
        Process reused = new ProcessBuilder("sleep", "120").start();
        try {
            insertRunningMarker(db, index, ProcessHandle.current().pid());
            insertRunningMarker(db, indexNames, reused.pid());
            String before = db.snapshot();

            List<MigrationState> states = states(migrator.status());
            MigrationException e = assertThrows(MigrationException.class, migrator::migrate);

            assertEquals(List.of(MigrationState.APPLIED, MigrationState.INTERRUPTED, MigrationState.INTERRUPTED), states);
            assertEquals(ErrorCode.INTERRUPTED, e.code());
            assertTrue(e.getMessage().contains("never finished: its up() run by pid " + ProcessHandle.current().pid()),
                    e.getMessage());
            assertTrue(e.getMessage().contains("undo or complete its changes by hand, then run repair"), e.getMessage());
            assertEquals(before, db.snapshot());
            assertEquals(List.of(MigrationVersion.parse("2"), MigrationVersion.parse("3")), migrator.repair().failuresCleared());
            assertEquals(2, migrator.migrate().applied().size());
        } finally {
            reused.destroyForcibly();
        }
    }

    /** A "running" marker as Cairn writes it, by {@code pid} on this host, for a process started an hour ago. */
    private static void insertRunningMarker(TestDb db, MigrationDescriptor m, long pid) throws Exception {
        String started = ProcessHandle.current().info().startInstant().orElseThrow().minus(Duration.ofHours(1)).toString();
        db.execute("INSERT INTO cairn_log (version, description, action, checksum, logged_on, logged_by, execution_ms, detail)"
                + " VALUES ('" + m.version() + "', '" + m.description() + "', 'RUNNING', '" + m.checksum() + "',"
                + " '2026-01-01T00:00:00Z', 'ops', 0, 'up() run by pid " + pid + " on "
                + InetAddress.getLocalHost().getHostName() + " (run 0123456789ab, process started " + started + ")')");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void dryRun_returnsTheStatementsAndLeavesTheDatabaseUnchanged(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1)).load().migrate();
        String before = db.snapshot();
        List<String> log = db.rows("SELECT * FROM cairn_log ORDER BY id");

        DryRunReport dryRun = db.configure(Mig.source(V1, V2, V3)).load().dryRun();

        assertEquals(List.of("2", "3"), dryRun.wouldApply().stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of("INSERT INTO routers (id, name) VALUES (1, 'r1')"), dryRun.wouldApply().get(0).statements());
        assertTrue(dryRun.toSqlScript().contains("-- 3 Create planners\nCREATE TABLE planners (id INTEGER PRIMARY KEY);"),
                dryRun.toSqlScript());
        assertEquals(before, db.snapshot());
        assertEquals(log, db.rows("SELECT * FROM cairn_log ORDER BY id"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void dryRun_onAnEmptyDatabase_createsNotEvenCairnsTables(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);

        DryRunReport dryRun = db.configure(Mig.source(V1, V2)).load().dryRun();

        assertEquals(2, dryRun.wouldApply().size());
        assertEquals(List.of(), db.tables());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void dryRun_triesNeitherANonTransactionalMigrationNorWhatDependsOnIt(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor index = Mig.v("2", "Index routers").dependsOn("1").nonTransactional()
                .up("CREATE INDEX routers_by_name ON routers (name)").build();
        MigrationDescriptor needsIndex = Mig.v("3", "Uses the index").dependsOn("2")
                .up("ALTER INDEX routers_by_name RENAME TO routers_name").build();
        MigrationDescriptor independent = Mig.v("4", "Independent").dependsOn("1").up("CREATE TABLE workers (id INTEGER)").build();

        DryRunReport dryRun = db.configure(Mig.source(V1, index, needsIndex, independent)).load().dryRun();

        assertEquals(List.of("1", "4"), dryRun.wouldApply().stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of("2", "3"), dryRun.notRun().stream().map(m -> m.version().toString()).toList());
        assertTrue(dryRun.summary().contains("\n  2 \"Index routers\" (non-transactional: not tried in the dry run)\n"
                + "  3 \"Uses the index\" (depends on a non-transactional migration: not tried in the dry run)"),
                dryRun.summary());
        assertEquals(List.of(), db.tables());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void dryRun_ofAFailingMigration_namesItAndChangesNothing(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(V1, V4_BROKEN)).load().dryRun());

        assertTrue(e.getMessage().startsWith("Dry run: migration 4 \"Broken\" (test.V4_Broken) fails. Nothing was changed:"
                + " a dry run rolls everything back."), e.getMessage());
        assertEquals(List.of(), db.tables());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void baseline_recordsExistingChangesWithoutRunningThem(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.execute("CREATE TABLE routers (id INTEGER PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO routers (id, name) VALUES (1, 'r1')");
        Migrator migrator = db.configure(Mig.source(V1, V2, V3)).load();

        BaselineReport baseline = migrator.baseline("2");

        assertEquals(List.of(MigrationVersion.parse("1"), MigrationVersion.parse("2")), baseline.marked());
        assertEquals(List.of("1|BASELINE", "2|BASELINE"), db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
        assertEquals(List.of("3"), migrator.migrate().applied().stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of("1|r1"), db.rows("SELECT id, name FROM routers"));

        MigrationException unknown = assertThrows(MigrationException.class, () -> migrator.baseline("2.5"));
        assertEquals(ErrorCode.NOT_IN_BUILD, unknown.code());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void repair_withNothingToRepair_changesNothing(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(V1)).load();
        migrator.migrate();
        String before = db.snapshot();

        assertTrue(migrator.repair().isNothingToRepair());
        assertEquals(before, db.snapshot());
        assertTrue(migrator.validate().isValid());
    }
}
