package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.ConditionsReport.Checked;
import dev.cairn.runtime.ConditionsReport.Outcome;
import dev.cairn.runtime.ConditionsReport.Phase;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** checkConditions: the conditions of pending and applied migrations, without applying or writing anything. */
class CheckConditionsTest {

    @TempDir
    Path dir;

    private static Mig planners() {
        return Mig.v("1", "Create planners")
                .up("CREATE TABLE planners (id INTEGER PRIMARY KEY, name VARCHAR(50))",
                        "INSERT INTO planners (id, name) VALUES (1, 'alpha'), (2, 'beta')")
                .postconditions(checks -> checks.tableExists("planners"));
    }

    private static Mig context() {
        return Mig.v("2", "Add conversation context").dependsOn("1")
                .up("ALTER TABLE planners ADD COLUMN conversation_context TEXT")
                .postconditions(checks -> checks.columnExists("planners", "conversation_context"));
    }

    private static Mig workers() {
        return Mig.v("3", "Create workers").dependsOn("1")
                .up("CREATE TABLE workers (id INTEGER PRIMARY KEY, planner_id INTEGER)")
                .preconditions(checks -> {
                    checks.tableMissing("workers");
                    checks.count("planners to assign", "SELECT COUNT(*) FROM planners", 2);
                });
    }

    private static Mig assignWorkers() {
        return Mig.v("4", "Assign workers").dependsOn("3").up("INSERT INTO workers (id, planner_id) VALUES (1, 1)")
                .preconditions(checks -> checks.tableExists("workers"));
    }

    private static Mig routers() {
        return Mig.v("5", "Create routers").up("CREATE TABLE routers (id INTEGER PRIMARY KEY)");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void checksPendingAndAppliedMigrations_andWritesNothing(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(planners().build(), context().build())).load().migrate();
        // Someone dropped the column by hand: 2's promise no longer holds.
        db.execute("ALTER TABLE planners DROP COLUMN conversation_context");
        String before = db.snapshot();
        List<String> log = db.rows("SELECT * FROM cairn_log ORDER BY id");
        List<CommandEvent> commands = new ArrayList<>();
        Migrator migrator = db.configure(Mig.source(planners().build(), context().build(), workers().build(),
                assignWorkers().build(), routers().build())).listener(new MigrationListener() {
                    @Override
                    public void afterCommand(CommandEvent event) {
                        commands.add(event);
                    }
                }).load();

        ConditionsReport report = migrator.checkConditions();

        // 1's postconditions are not checked: 2 depends on it, and builds on what they check.
        assertEquals(List.of("1|POSTCONDITIONS|NOT_CHECKED", "2|POSTCONDITIONS|FAILED", "3|PRECONDITIONS|PASSED",
                "4|PRECONDITIONS|NOT_CHECKED", "5|PRECONDITIONS|PASSED"), report.migrations().stream()
                        .map(m -> m.version() + "|" + m.phase() + "|" + m.outcome()).toList());
        assertFalse(report.allPassed());
        assertEquals(List.of("2"), report.failed().stream().map(m -> m.version().toString()).toList());
        assertEquals("Conditions of 5 migrations on " + report.database() + ": 1 failed. Nothing was changed.\n"
                + "  1 \"Create planners\" not checked: 2, applied, depends on it and may have changed what its"
                + " postconditions check, which hold right after its up(); check it in a test, or check 2 instead.\n"
                + "  2 \"Add conversation context\" (applied), postconditions FAILED\n"
                + "      FAILED  column planners.conversation_context exists: expected a column conversation_context in table"
                + " planners; found no such column; its columns are id, name\n"
                + "  3 \"Create workers\" (pending), preconditions passed\n"
                + "      passed  table workers is missing: found none\n"
                + "      passed  planners to assign: found 2\n"
                + "  4 \"Assign workers\" not checked: it depends on 3, not applied yet, whose changes its preconditions may need.\n"
                + "  5 \"Create routers\" (pending), preconditions passed (it has none)\n"
                + "A postcondition of an applied migration can also fail because a later migration changed what it checks.",
                report.summary());
        assertEquals(before, db.snapshot());
        assertEquals(log, db.rows("SELECT * FROM cairn_log ORDER BY id"));
        assertEquals(1, commands.size());
        assertEquals(Command.CHECK_CONDITIONS, commands.get(0).command());
        assertEquals(report.summary(), commands.get(0).summary());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aCheckWhoseQueryFails_isReported_andTheNextMigrationIsStillChecked(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(planners().build())).load().migrate();
        Mig typo = planners().postconditions(checks -> checks.none("no unnamed planner", "SELECT id FROM planerz WHERE name IS NULL"));

        ConditionsReport report = db.configure(Mig.source(typo.build(), workers().build())).load().checkConditions();

        assertEquals(List.of(Outcome.FAILED, Outcome.PASSED), report.migrations().stream().map(Checked::outcome).toList());
        Checked failed = report.migrations().get(0);
        assertTrue(failed.detail().startsWith("postcondition \"no unnamed planner\" could not run: "), failed.detail());
        assertTrue(failed.checks().get(0).found().startsWith("an error: "), failed.checks().get(0).found());
        assertTrue(report.summary().contains("\n      FAILED  no unnamed planner: expected no row from SELECT id FROM planerz"
                + " WHERE name IS NULL; found an error: "), report.summary());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void runsOnADatabaseThatRefusesWrites(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(planners().build())).load().migrate();
        String readOnly = db.readOnlyUrl();

        ConditionsReport report = Migrator.configure(Mig.source(planners().build(), workers().build()), readOnly).load()
                .checkConditions();

        assertTrue(report.allPassed(), report.summary());
        assertEquals(List.of(Outcome.PASSED, Outcome.PASSED), report.migrations().stream().map(Checked::outcome).toList());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aNonTransactionalMigrationThatStoppedPartWay_isNotChecked(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Mig halfway = Mig.v("2", "Create routers").nonTransactional()
                .up("CREATE TABLE routers (id INTEGER)", "INSERT INTO no_such_table VALUES (1)")
                .preconditions(checks -> checks.tableMissing("routers"));
        assertThrows(MigrationFailedException.class, () -> db.configure(Mig.source(planners().build(), halfway.build())).load().migrate());
        String before = db.snapshot();

        ConditionsReport report = db.configure(Mig.source(planners().build(), halfway.build())).load().checkConditions();

        Checked routers = report.migrations().get(1);
        assertEquals(Outcome.NOT_CHECKED, routers.outcome());
        assertEquals("its last run did not finish (it failed or was interrupted part way, or is running right now: status"
                + " tells), so the database may hold part of its changes, which its preconditions do not expect.", routers.detail());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aTransactionalMigrationThatFailed_isCheckedAgain(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Mig failing = Mig.v("2", "Create routers").up("CREATE TABLE routers (id INTEGER)", "INSERT INTO no_such_table VALUES (1)")
                .preconditions(checks -> checks.tableMissing("routers"));
        assertThrows(MigrationFailedException.class, () -> db.configure(Mig.source(planners().build(), failing.build())).load().migrate());

        Checked routers = db.configure(Mig.source(planners().build(), failing.build())).load().checkConditions().migrations().get(1);

        assertEquals(Outcome.PASSED, routers.outcome(), "its failure was rolled back: " + routers.detail());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void oneMigration_byItsVersion(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(planners().build())).load().migrate();
        Migrator migrator = db.configure(Mig.source(planners().build(), workers().build(), assignWorkers().build())).load();

        ConditionsReport report = migrator.checkConditions("3");

        assertEquals(1, report.migrations().size());
        Checked workers = report.migrations().get(0);
        assertEquals(Phase.PRECONDITIONS, workers.phase());
        assertEquals(Outcome.PASSED, workers.outcome());
        assertEquals(List.of("table workers is missing", "planners to assign"),
                workers.checks().stream().map(ConditionsReport.Check::name).toList());
        assertTrue(report.allPassed());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void onADatabaseCairnNeverTouched_checksWhatHasNoPrerequisite_andCreatesNothing(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.execute("CREATE TABLE workers (id INTEGER)");
        Migrator migrator = db.configure(Mig.source(Mig.v("3", "Create workers").up("CREATE TABLE workers (id INTEGER)")
                .preconditions(checks -> checks.tableMissing("workers")).build())).load();

        ConditionsReport report = migrator.checkConditions();

        Checked workers = report.migrations().get(0);
        assertEquals(Outcome.FAILED, workers.outcome());
        assertEquals("precondition \"table workers is missing\" failed: expected no table or view workers; found a table workers"
                + (kind == DbKind.POSTGRES ? " in schema public" : "") + ".", workers.detail());
        assertEquals(List.of("workers"), db.tables(), "no Cairn table was created");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void whatAConditionWrites_isRolledBack_andEndingTheTransactionIsRefused(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(planners().build())).load().migrate();
        String before = db.snapshot();
        Mig deleting = planners().postconditions(checks -> checks.that("deleted both", checks.query(
                "DELETE FROM planners RETURNING id", row -> row.getLong(1)).size() == 2, "fewer"));
        Mig committing = planners().postconditions(checks -> checks.query("COMMIT", row -> row.getLong(1)));

        assertTrue(db.configure(Mig.source(deleting.build())).load().checkConditions().allPassed());
        Checked refused = db.configure(Mig.source(committing.build())).load().checkConditions().migrations().get(0);

        assertEquals(before, db.snapshot());
        assertEquals(Outcome.FAILED, refused.outcome());
        assertTrue(refused.detail().startsWith("postconditions() threw Migration 1 \"Create planners\" (test.V1_Createplanners)"
                + " runs COMMIT, which Cairn refuses"), refused.detail());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aMigrationThatCannotBeCreated_isReportedAsFailed(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(Mig.v("1", "Create planners").step(() -> {
            throw new IllegalStateException("no configuration");
        }).build())).load();

        ConditionsReport report = migrator.checkConditions();

        Checked checked = report.migrations().get(0);
        assertEquals(Outcome.FAILED, checked.outcome());
        assertEquals("Cairn could not create test.V1_Createplanners to run its preconditions():"
                + " java.lang.IllegalStateException: no configuration", checked.detail());
        assertTrue(report.summary().endsWith("\n  1 \"Create planners\" (pending), preconditions FAILED\n      Cairn could not"
                + " create test.V1_Createplanners to run its preconditions(): java.lang.IllegalStateException: no configuration"),
                report.summary());
    }

    @Test
    void aVersionNotInTheBuild_isRefusedBeforeConnecting() {
        Path file = dir.resolve("never.db");
        Migrator migrator = Migrator.configure(Mig.source(planners().build()), "jdbc:sqlite:" + file).load();

        MigrationException e = assertThrows(MigrationException.class, () -> migrator.checkConditions("7"));

        assertEquals(ErrorCode.NOT_IN_BUILD, e.code());
        assertFalse(Files.exists(file));
    }

    @Test
    void aSqliteFileThatDoesNotExist_isRefused_andNotCreated() {
        Path file = dir.resolve("missing.db");
        Migrator migrator = Migrator.configure(Mig.source(planners().build()), "jdbc:sqlite:" + file).load();

        MigrationException e = assertThrows(MigrationException.class, migrator::checkConditions);

        assertTrue(e.getMessage().startsWith("Cannot check the migrations' conditions: there is no SQLite database at "), e.getMessage());
        assertFalse(Files.exists(file));
    }
}
