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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pre- and postconditions around up(), in migrate and in a dry run: a failed one fails the migration and changes nothing. */
class ConditionsTest {

    @TempDir
    Path dir;

    private static final MigrationDescriptor PLANNERS = Mig.v("1", "Create planners")
            .up("CREATE TABLE planners (id INTEGER PRIMARY KEY, name VARCHAR(50))",
                    "INSERT INTO planners (id, name) VALUES (1, 'alpha'), (2, 'beta')")
            .down("DROP TABLE planners").build();

    /** Seed 001's column addition: the column must not be there before, and must be after. */
    private static Mig addContext(AtomicBoolean upRan) {
        return Mig.v("2", "Add conversation context").dependsOn("1").step(() -> ctx -> {
            upRan.set(true);
            ctx.execute("ALTER TABLE planners ADD COLUMN conversation_context TEXT DEFAULT NULL");
        }).preconditions(checks -> {
            checks.tableExists("planners");
            checks.columnMissing("planners", "conversation_context");
        }).postconditions(checks -> checks.columnExists("planners", "conversation_context"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void failedPrecondition_runsNoUp_andLeavesTheDatabaseUnchanged(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(PLANNERS)).load().migrate();
        db.execute("ALTER TABLE planners ADD COLUMN conversation_context TEXT");
        String before = db.snapshot();
        AtomicBoolean upRan = new AtomicBoolean();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(PLANNERS, addContext(upRan).build())).load().migrate());

        assertEquals(ErrorCode.CONDITION_FAILED, e.code());
        assertEquals(MigrationVersion.parse("2"), e.version());
        assertTrue(e.statement().isEmpty());
        assertEquals("Migration 2 \"Add conversation context\" (test.V2_Addconversationcontext) failed, and its transaction"
                + " was rolled back: the database is as it was before it. Migrations applied before it stay applied; the"
                + " ones after it were not run.\n"
                + "  Error: precondition \"column planners.conversation_context is missing\" failed: expected table planners"
                + " without a column conversation_context; found column conversation_context ("
                + (kind == DbKind.SQLITE ? "TEXT" : "text") + ").\n"
                + "The database is not in the state this migration expects, so its up() did not run: was the database"
                + " changed by hand, or is something it needs missing (a migration it should depend on, data it needs)?"
                + " Bring the database into that state, or correct test.V2_Addconversationcontext.preconditions() if the"
                + " check is what is wrong and rebuild; then run migrate again.", e.getMessage());
        assertFalse(upRan.get());
        assertEquals(before, db.snapshot());
        assertEquals(List.of("1|APPLY", "2|FAIL"), db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
        assertTrue(db.rows("SELECT detail FROM cairn_log WHERE action = 'FAIL'").get(0)
                .startsWith("up: precondition \"column planners.conversation_context is missing\" failed"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void failedPostcondition_rollsBackWhatUpDid(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(PLANNERS)).load().migrate();
        String before = db.snapshot();
        MigrationDescriptor losesNames = Mig.v("2", "Rename planners").dependsOn("1")
                .up("ALTER TABLE planners ADD COLUMN conversation_context TEXT", "UPDATE planners SET name = NULL WHERE id = 2")
                .postconditions(checks -> {
                    checks.columnExists("planners", "conversation_context");
                    checks.none("every planner keeps its name", "SELECT id, name FROM planners WHERE name IS NULL");
                }).build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(PLANNERS, losesNames)).load().migrate());

        assertEquals(ErrorCode.CONDITION_FAILED, e.code());
        assertTrue(e.getMessage().contains("\n  Error: postcondition \"every planner keeps its name\" failed: expected no row"
                + " from SELECT id, name FROM planners WHERE name IS NULL; found 1 row: id=2, name=NULL.\n"), e.getMessage());
        assertTrue(e.getMessage().endsWith("\nIts up() ran, but did not do what its postconditions promise. Fix"
                + " test.V2_Renameplanners.up(), or its postconditions() if the check is what is wrong, rebuild, and run"
                + " migrate again."), e.getMessage());
        assertEquals(before, db.snapshot(), "the column and the update were rolled back");
        assertEquals(List.of("1|APPLY", "2|FAIL"), db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void passingConditions_applyTheMigration_andSeeItsUncommittedWork(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        AtomicBoolean upRan = new AtomicBoolean();
        MigrationDescriptor seed = Mig.v("3", "Seed planners").dependsOn("2")
                .up("INSERT INTO planners (id, name, conversation_context) VALUES (3, 'gamma', '{}')")
                .preconditions(checks -> checks.count("two planners to start from", "SELECT COUNT(*) FROM planners", 2))
                .postconditions(checks -> {
                    checks.count("three planners", "SELECT COUNT(*) FROM planners", 3);
                    checks.value("gamma's context", "SELECT conversation_context FROM planners WHERE id = ?", "{}", 3);
                    checks.integrity();
                }).build();

        MigrationReport report = db.configure(Mig.source(PLANNERS, addContext(upRan).build(), seed)).load().migrate();

        assertEquals(List.of("1", "2", "3"), report.applied().stream().map(m -> m.version().toString()).toList());
        assertTrue(upRan.get());
        assertEquals(List.of("INSERT INTO planners (id, name, conversation_context) VALUES (3, 'gamma', '{}')"),
                report.applied().get(2).statements(), "the checks' queries are not the migration's statements");
        assertEquals(List.of("1", "2", "3"), db.rows("SELECT version FROM cairn_history ORDER BY version"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void rollback_runsNoConditions(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        AtomicBoolean upRan = new AtomicBoolean();
        MigrationDescriptor context = addContext(upRan).step(() -> new JavaMigration() {
            @Override
            public void up(MigrationContext ctx) throws Exception {
                ctx.execute("ALTER TABLE planners ADD COLUMN conversation_context TEXT DEFAULT NULL");
            }

            @Override
            public void down(MigrationContext ctx) throws Exception {
                ctx.execute("ALTER TABLE planners DROP COLUMN conversation_context");
            }
        }).build();
        Migrator migrator = db.configure(Mig.source(PLANNERS, context)).load();
        migrator.migrate();

        // After down(), its postconditions would fail; with the column there, its preconditions would.
        RollbackReport report = migrator.rollback("2");

        assertEquals(1, report.rolledBack().size());
        assertEquals(List.of("1"), db.rows("SELECT version FROM cairn_history"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void failedCheck_failsTheMigration_evenWhenTheConditionsCatchIt(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor swallowing = Mig.v("1", "Create routers").up("CREATE TABLE routers (id INTEGER)")
                .preconditions(checks -> {
                    try {
                        checks.tableExists("legacy_routers");
                    } catch (MigrationException ignored) {
                        // The migration means to go on regardless; Cairn does not let it.
                    }
                }).build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(swallowing)).load().migrate());

        assertEquals(ErrorCode.CONDITION_FAILED, e.code());
        assertTrue(e.getMessage().contains("Error: precondition \"table legacy_routers exists\" failed: expected a table"
                + " legacy_routers; found no table of that name."), e.getMessage());
        assertEquals(List.of(), db.tables().stream().filter(t -> !t.startsWith("cairn_")).toList());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void anAssertInTheConditions_failsLikeACheck(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(PLANNERS)).load().migrate();
        String before = db.snapshot();
        MigrationDescriptor asserting = Mig.v("2", "Add timeouts").dependsOn("1").up("UPDATE planners SET name = 'x'")
                .preconditions(checks -> {
                    long planners = checks.queryOne("SELECT COUNT(*) FROM planners", row -> row.getLong(1)).orElseThrow();
                    // Seed 001's style: assert current_version == 1, f"Expected version 1, got {current_version}"
                    if (planners != 3) {
                        throw new AssertionError("Expected 3 planners, got " + planners);
                    }
                }).build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(PLANNERS, asserting)).load().migrate());

        assertEquals(ErrorCode.CONDITION_FAILED, e.code());
        assertTrue(e.getMessage().contains("\n  Error: preconditions() threw java.lang.AssertionError: Expected 3 planners, got"
                + " 2\nThe database is not in the state this migration expects"), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void checkWhoseQueryFails_isNamed_andChangesNothing(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(PLANNERS)).load().migrate();
        String before = db.snapshot();
        MigrationDescriptor typo = Mig.v("2", "Add index").dependsOn("1").up("CREATE INDEX planners_name ON planners (name)")
                .postconditions(checks -> checks.none("no duplicate name", "SELECT name FROM planerz GROUP BY name HAVING COUNT(*) > 1"))
                .build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(PLANNERS, typo)).load().migrate());

        assertEquals(ErrorCode.CONDITION_FAILED, e.code());
        assertTrue(e.getMessage().contains("Error: postcondition \"no duplicate name\" could not run: "), e.getMessage());
        assertTrue(e.getMessage().contains("planerz"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Fix test.V2_Addindex.up(), or its postconditions() if the check is what is wrong,"
                + " rebuild, and run migrate again."), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aCheckCancelledByTheMigrationTimeout_getsTheTimeoutsAdvice_notTheConditions(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(PLANNERS)).load().migrate();
        String before = db.snapshot();
        String endless = kind == DbKind.POSTGRES ? "SELECT pg_sleep(60)"
                : "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n";
        MigrationDescriptor slow = Mig.v("2", "Seed planners").dependsOn("1").up("INSERT INTO planners (id) VALUES (3)")
                .postconditions(checks -> checks.none("never ends", endless)).build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> db.configure(Mig.source(PLANNERS, slow))
                .migrationTimeout(Duration.ofMillis(500)).load().migrate());

        assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
        assertTrue(e.getMessage().contains("Error: it ran past migrationTimeout (500 ms) and was cancelled (postcondition"
                + " \"never ends\" could not run: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("It ran longer than migrationTimeout, so Cairn cancelled it. If it needs longer,"
                + " raise migrationTimeout, or make it do less in one run. Nothing needs fixing in test.V2_Seedplanners: run"
                + " migrate again once that is solved."), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @Test
    void aCheckCancelledOnPostgres_getsTheAdviceOfTheCancellation_notTheConditions() {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        db.configure(Mig.source(PLANNERS)).load().migrate();
        String before = db.snapshot();
        MigrationDescriptor cancelled = Mig.v("2", "Seed planners").dependsOn("1")
                .up("INSERT INTO planners (id) VALUES (3)", "SET LOCAL statement_timeout = '200ms'")
                .postconditions(checks -> checks.none("never ends", "SELECT pg_sleep(60)")).build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(PLANNERS, cancelled)).load().migrate());

        assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
        assertTrue(e.getMessage().contains("Error: postcondition \"never ends\" could not run: [SQLState 57014]"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Its statement was cancelled, by an administrator (pg_cancel_backend) or a timeout"
                + " (statement_timeout). Nothing needs fixing in test.V2_Seedplanners: run migrate again once that is solved."),
                e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void nonTransactional_failedPrecondition_runsNothing_andAsksForRepair(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(PLANNERS)).load().migrate();
        String before = db.snapshot();
        AtomicBoolean upRan = new AtomicBoolean();
        MigrationDescriptor index = Mig.v("2", "Index planner names").dependsOn("1").nonTransactional().step(() -> ctx -> {
            upRan.set(true);
            ctx.execute("CREATE INDEX planners_name ON planners (name)");
        }).preconditions(checks -> checks.none("no planner without a name", "SELECT id FROM planners WHERE name IS NULL")).build();
        db.execute("UPDATE planners SET name = NULL WHERE id = 1");
        String withNull = db.snapshot();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(PLANNERS, index)).load().migrate());

        assertEquals(ErrorCode.CONDITION_FAILED, e.code());
        assertFalse(upRan.get());
        assertTrue(e.getMessage().contains("It is non-transactional (transactional = false), so what ran before the failure"
                + " stays done (no statement ran before it)."), e.getMessage());
        assertTrue(e.getMessage().contains("found 1 row: id=1."), e.getMessage());
        assertTrue(e.getMessage().endsWith("then run repair (Cairn recorded the attempt of this non-transactional migration)"
                + " and run migrate again."), e.getMessage());
        assertFalse(before.equals(withNull));
        assertEquals(withNull, db.snapshot());
        assertEquals(List.of("1|APPLY", "2|RUNNING", "2|FAIL"), db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void nonTransactional_failedPostcondition_saysWhatStaysDone(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(PLANNERS)).load().migrate();
        MigrationDescriptor index = Mig.v("2", "Index planner names").dependsOn("1").nonTransactional()
                .up("CREATE INDEX planners_name ON planners (name)")
                .postconditions(checks -> checks.that("the index is unique", false, "a non-unique index planners_name"))
                .build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(PLANNERS, index)).load().migrate());

        assertEquals(ErrorCode.CONDITION_FAILED, e.code());
        assertTrue(e.getMessage().contains("so what ran before the failure stays done:\n    CREATE INDEX planners_name ON"
                + " planners (name)\n  Error: postcondition \"the index is unique\" failed: found a non-unique index"
                + " planners_name.\n"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Its up() ran to the end but did not do what its postconditions promise, and being"
                + " non-transactional it could not be rolled back. Check the database and undo or complete those changes by"
                + " hand, fix test.V2_Indexplannernames.up() (or its postconditions(), if the check is what is wrong) and"
                + " rebuild, then run repair and migrate again."), e.getMessage());
        assertEquals(List.of("1"), db.rows("SELECT version FROM cairn_history"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void nonTransactional_passingConditions_apply(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor index = Mig.v("2", "Index planner names").dependsOn("1").nonTransactional()
                .up("CREATE INDEX planners_name ON planners (name)")
                .preconditions(checks -> checks.tableExists("planners"))
                .postconditions(checks -> checks.integrity())
                .build();

        MigrationReport report = db.configure(Mig.source(PLANNERS, index)).load().migrate();

        assertEquals(2, report.applied().size());
        assertEquals(List.of("1|APPLY", "2|RUNNING", "2|APPLY"), db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void dryRun_runsTheConditions_andLeavesTheDatabaseAsItWas(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(PLANNERS)).load().migrate();
        String before = db.snapshot();
        AtomicBoolean upRan = new AtomicBoolean();
        Migrator migrator = db.configure(Mig.source(PLANNERS, addContext(upRan).build())).load();

        DryRunReport passing = migrator.dryRun();

        assertEquals(List.of("ALTER TABLE planners ADD COLUMN conversation_context TEXT DEFAULT NULL"),
                passing.wouldApply().get(0).statements());
        db.execute("ALTER TABLE planners ADD COLUMN conversation_context TEXT");
        String changedByHand = db.snapshot();
        upRan.set(false);

        MigrationFailedException e = assertThrows(MigrationFailedException.class, migrator::dryRun);

        assertEquals(ErrorCode.CONDITION_FAILED, e.code());
        assertTrue(e.getMessage().startsWith("Dry run: migration 2 \"Add conversation context\" (test.V2_Addconversationcontext)"
                + " fails. Nothing was changed: a dry run rolls everything back.\n  Error: precondition \"column"
                + " planners.conversation_context is missing\" failed"), e.getMessage());
        assertFalse(upRan.get());
        assertFalse(before.equals(changedByHand));
        assertEquals(changedByHand, db.snapshot());
        assertEquals(List.of("1|APPLY"), db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void checksUsedAfterTheirMethodReturned_areRefused(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        AtomicReference<Checks> kept = new AtomicReference<>();
        MigrationDescriptor leaky = Mig.v("1", "Create routers").step(() -> ctx -> {
            ctx.execute("CREATE TABLE routers (id INTEGER)");
            kept.get().tableExists("routers");
        }).preconditions(kept::set).build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(leaky)).load().migrate());

        assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
        assertTrue(e.getMessage().contains("Migration 1 \"Create routers\" (test.V1_Createrouters) used the Checks of its"
                + " preconditions() after that method had returned, which Cairn refuses"), e.getMessage());
        assertFalse(db.hasTable("routers"));
    }
}
