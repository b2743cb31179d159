package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.registry.GeneratedRegistry;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.SqlMig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Repeatable migrations: run after the versioned ones in name order, again whenever their checksum changes. */
class RepeatableMigrationTest {

    private static final MigrationDescriptor V1 = SqlMig.v("1", "create routers", "sqlmig/routers/V1__create_routers.sql").build();
    private static final MigrationDescriptor V2 = SqlMig.v("2", "add zone", "sqlmig/routers/V2__add_zone.sql").dependsOn("1").build();
    private static final RepeatableMigration NAMES = SqlMig.repeatable("router_names", "sqlmig/views1/R__router_names.sql");
    private static final RepeatableMigration NAMES_WITH_ZONE = SqlMig.repeatable("router_names", "sqlmig/views2/R__router_names.sql");
    private static final RepeatableMigration COUNT = SqlMig.repeatable("router_count", "sqlmig/views1/R__router_count.sql");

    @TempDir
    Path dir;

    private static MigrationSource source(List<MigrationDescriptor> migrations, RepeatableMigration... repeatables) {
        return new MigrationSource() {
            @Override
            public List<MigrationDescriptor> migrations() {
                return migrations;
            }

            @Override
            public List<RepeatableMigration> repeatables() {
                return List.of(repeatables);
            }
        };
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void repeatables_runAfterTheVersionedOnesInNameOrder_andNotAgainWhenUnchanged(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(source(List.of(V1), NAMES, COUNT)).load();

        MigrationReport report = migrator.migrate();

        assertEquals(List.of("1"), report.applied().stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of("router_count", "router_names"), report.repeatables().stream().map(ExecutedRepeatable::name).toList());
        assertEquals(List.of("DROP VIEW IF EXISTS router_names", "CREATE VIEW router_names AS SELECT name FROM routers"),
                report.repeatables().get(1).statements());
        assertEquals(List.of("r1; with a semicolon", "r2"), db.rows("SELECT name FROM router_names ORDER BY name"));
        assertEquals(List.of("router_count|" + COUNT.checksum(), "router_names|" + NAMES.checksum()),
                db.rows("SELECT name, checksum FROM cairn_history_repeatable ORDER BY name"));
        assertTrue(report.summary().contains("Ran 2 repeatable migrations:\n  repeatable \"router_count\" ("), report.summary());
        String before = db.snapshot();

        MigrationReport again = migrator.migrate();

        assertTrue(again.isUpToDate(), again.summary());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aChangedRepeatable_runsAgain_andOnlyIt(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(source(List.of(V1), NAMES, COUNT)).load().migrate();
        List<String> countRow = db.rows("SELECT installed_on FROM cairn_history_repeatable WHERE name = 'router_count'");

        MigrationReport report = db.configure(source(List.of(V1, V2), NAMES_WITH_ZONE, COUNT)).load().migrate();

        assertEquals(List.of("2"), report.applied().stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of("router_names"), report.repeatables().stream().map(ExecutedRepeatable::name).toList());
        assertEquals(List.of("r1; with a semicolon@eu", "r2@eu"), db.rows("SELECT name FROM router_names ORDER BY name"));
        assertEquals(List.of("router_names|" + NAMES_WITH_ZONE.checksum()),
                db.rows("SELECT name, checksum FROM cairn_history_repeatable WHERE name = 'router_names'"));
        assertEquals(countRow, db.rows("SELECT installed_on FROM cairn_history_repeatable WHERE name = 'router_count'"));
        assertTrue(db.configure(source(List.of(V1, V2), NAMES_WITH_ZONE, COUNT)).load().migrate().isUpToDate());
    }

    /** migrate(target) leaves repeatables alone; the database must not then pass for up to date. */
    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aRepeatableChangedBesideAMigrateToATarget_runsAtTheNextMigrate(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(source(List.of(V1), NAMES)).load().migrate();
        Migrator next = db.configure(source(List.of(V1, V2), NAMES_WITH_ZONE)).load();

        MigrationReport toTarget = next.migrate("2");
        MigrationReport after = next.migrate();

        assertEquals(List.of("2"), toTarget.applied().stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of(), toTarget.repeatables());
        assertEquals(List.of("router_names"), after.repeatables().stream().map(ExecutedRepeatable::name).toList());
        assertEquals(List.of("r1; with a semicolon@eu", "r2@eu"), db.rows("SELECT name FROM router_names ORDER BY name"));
        assertTrue(next.migrate().isUpToDate());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void onlyARepeatableChanged_runsIt_withNoVersionedMigrationPending(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(source(List.of(V1, V2), NAMES)).load().migrate();

        MigrationReport report = db.configure(source(List.of(V1, V2), NAMES_WITH_ZONE)).load().migrate();

        assertEquals(List.of(), report.applied());
        assertEquals(List.of("router_names"), report.repeatables().stream().map(ExecutedRepeatable::name).toList());
        assertTrue(report.summary().startsWith("Ran 1 repeatable migration on "), report.summary());
        assertEquals(List.of("r1; with a semicolon@eu", "r2@eu"), db.rows("SELECT name FROM router_names ORDER BY name"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aFailingRepeatable_isRolledBack_namingItsFileAndLine_andRunsAgainNextTime(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(source(List.of(V1), NAMES)).load().migrate();
        String before = db.snapshot();
        RepeatableMigration broken = SqlMig.repeatable("router_names", "sqlmig/views_broken/R__router_names.sql");

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.configure(source(List.of(V1, V2), broken)).load().migrate());

        assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
        assertTrue(e.getMessage().startsWith("Repeatable migration \"router_names\" (sqlmig/views_broken/R__router_names.sql)"
                + " failed, and its transaction was rolled back: the versioned migrations of this migrate stay applied, and it"
                + " stays as it last ran.\n  Statement 2 of 2, at line 3 of sqlmig/views_broken/R__router_names.sql: CREATE"
                + " VIEW router_names AS\n    SELECT name, FROM routers\n  Error: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("\nFix sqlmig/views_broken/R__router_names.sql, rebuild, and run migrate again."),
                e.getMessage());
        // Version 2 was applied before the repeatable ran; the view is as it was.
        assertEquals(List.of("1", "2"), db.rows("SELECT version FROM cairn_history ORDER BY version"));
        assertEquals(List.of("r1; with a semicolon", "r2"), db.rows("SELECT name FROM router_names ORDER BY name"));
        assertEquals(List.of("router_names|" + NAMES.checksum()), db.rows("SELECT name, checksum FROM cairn_history_repeatable"));
        assertFalse(before.equals(db.snapshot()));

        MigrationReport fixed = db.configure(source(List.of(V1, V2), NAMES_WITH_ZONE)).load().migrate();

        assertEquals(List.of("router_names"), fixed.repeatables().stream().map(ExecutedRepeatable::name).toList());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void status_showsEachRepeatablePendingAppliedOrChanged(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        StatusReport fresh = db.configure(source(List.of(V1), NAMES, COUNT)).load().status();
        assertEquals(List.of("router_count|PENDING", "router_names|PENDING"), states(fresh));
        assertFalse(fresh.isUpToDate());
        assertFalse(db.hasTable("cairn_history_repeatable"), "status creates nothing");

        db.configure(source(List.of(V1), NAMES, COUNT)).load().migrate();
        StatusReport current = db.configure(source(List.of(V1), NAMES, COUNT)).load().status();
        StatusReport changed = db.configure(source(List.of(V1), NAMES_WITH_ZONE, COUNT)).load().status();

        assertEquals(List.of("router_count|APPLIED", "router_names|APPLIED"), states(current));
        assertTrue(current.isUpToDate(), current.summary());
        assertEquals(List.of("router_count|APPLIED", "router_names|CHANGED"), states(changed));
        ValidationReport validation = db.configure(source(List.of(V1), NAMES_WITH_ZONE, COUNT)).load().validate();
        assertTrue(validation.isValid(), validation.summary());
        assertTrue(validation.summary().endsWith("\nThe next migrate runs the repeatable migration router_names (changed)."),
                validation.summary());
        assertFalse(changed.isUpToDate());
        assertTrue(changed.summary().contains("\n  repeatable   CHANGED           router_names (sqlmig/views2/R__router_names.sql)  ("),
                changed.summary());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void history_showsEachRepeatableAsItLastRan(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(source(List.of(V1), NAMES, COUNT)).load().migrate();

        HistoryReport history = db.configure(source(List.of(V1), NAMES_WITH_ZONE, COUNT)).load().history();

        assertEquals(List.of("router_count|APPLIED", "router_names|CHANGED"),
                history.repeatables().stream().map(r -> r.name() + "|" + r.state()).toList());
        assertTrue(history.summary().contains("\nRepeatable migrations, as they last ran:\n  "), history.summary());
        assertTrue(history.summary().endsWith(" router_names (sqlmig/views2/R__router_names.sql, " + System.getProperty("user.name")
                + "), changed since: the next migrate runs it again"), history.summary());
    }

    private static List<String> states(StatusReport status) {
        return status.repeatables().stream().map(r -> r.name() + "|" + r.state()).toList();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void dryRun_triesTheChangedRepeatablesAfterThePendingMigrations_andChangesNothing(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(source(List.of(V1), NAMES, COUNT)).load().migrate();
        String before = db.snapshot();

        DryRunReport report = db.configure(source(List.of(V1, V2), NAMES_WITH_ZONE, COUNT)).load().dryRun();

        assertEquals(List.of("2"), report.wouldApply().stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of("router_names"), report.repeatables().stream().map(ExecutedRepeatable::name).toList());
        assertTrue(report.toSqlScript().endsWith("\n-- repeatable router_names (sqlmig/views2/R__router_names.sql)\n"
                + "DROP VIEW IF EXISTS router_names;\nCREATE VIEW router_names AS SELECT name || '@' || zone AS name FROM routers;\n"),
                report.toSqlScript());
        assertFalse(report.isUpToDate());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aRollback_leavesTheRepeatablesAlone_butTheNextMigrateRunsThemAgain(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor v2 = SqlMig.v("2", "add zone", "sqlmig/routers/V2__add_zone.sql").dependsOn("1")
                .undo("sqlmig/routers/U2__add_zone.sql").build();
        Migrator migrator = db.configure(source(List.of(V1, v2), NAMES, COUNT)).load();
        migrator.migrate();

        RollbackReport rollback = migrator.rollback(MigrationVersion.parse("2"));

        assertEquals(List.of("2"), rollback.rolledBack().stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of("r1; with a semicolon", "r2"), db.rows("SELECT name FROM router_names ORDER BY name"));
        assertEquals(List.of("router_count|PENDING", "router_names|PENDING"), states(migrator.status()));

        MigrationReport again = migrator.migrate();

        assertEquals(List.of("2"), again.applied().stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of("router_count", "router_names"), again.repeatables().stream().map(ExecutedRepeatable::name).toList());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aRepeatableFileEditedAfterItWasCompiled_isRefusedBeforeAnyMigrationRuns(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(source(List.of(V1), NAMES)).load().migrate();
        String before = db.snapshot();
        RepeatableMigration stale = SqlMig.repeatable("router_names", "sqlmig/views2/R__router_names.sql",
                "CREATE VIEW router_names AS SELECT zone AS name FROM routers;");

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.configure(source(List.of(V1, V2), stale)).load().migrate());

        assertEquals(ErrorCode.SQL_RESOURCE, e.code());
        assertTrue(e.getMessage().startsWith("The SQL file sqlmig/views2/R__router_names.sql of repeatable migration"
                + " \"router_names\" was edited after it was compiled"), e.getMessage());
        assertEquals(before, db.snapshot());
        assertEquals(List.of("1"), db.rows("SELECT version FROM cairn_history"));
    }

    /** A registry in the generated shape with one migration and one repeatable, counting what it is asked for. */
    private static final class CountingRegistry extends GeneratedRegistry {
        int described;

        CountingRegistry(String fingerprint) {
            super(GeneratedRegistry.FORMAT, fingerprint, 1, 1);
        }

        @Override
        protected MigrationDescriptor.Builder describe(int index) {
            described++;
            return MigrationDescriptor.builder("1", V1.className()).description(V1.description()).checksum(V1.checksum());
        }

        @Override
        protected JavaMigration newStep(int index) {
            return V1.newStep();
        }

        @Override
        protected RepeatableMigration.Builder describeRepeatable(int index) {
            described++;
            return RepeatableMigration.builder(NAMES.name(), NAMES.resource()).checksum(NAMES.checksum());
        }

        @Override
        protected JavaMigration newRepeatableStep(int index) {
            return NAMES.newStep();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void anUpToDateStart_ofARegistryWithRepeatables_describesNothing_soItNeverReadsTheirTable(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(source(List.of(V1), NAMES)).load().migrate();
        // What the processor would have compiled in: the fingerprint of this very plan, as Cairn recorded it.
        String fingerprint = db.rows("SELECT fingerprint FROM cairn_history_state").get(0);
        CountingRegistry registry = new CountingRegistry(fingerprint);

        MigrationReport report = db.configure(registry).load().migrate();

        assertTrue(report.isUpToDate(), report.summary());
        assertEquals(0, registry.described);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aDatabaseWithoutRepeatables_neverGetsTheirTable(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);

        db.configure(source(List.of(V1, V2))).load().migrate();

        assertFalse(db.hasTable("cairn_history_repeatable"), db.tables().toString());
    }
}
