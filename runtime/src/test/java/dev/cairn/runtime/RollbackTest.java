package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Fixtures;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** rollback and rollbackTo: dependents, reverse plan order, irreversible migrations, failures. */
class RollbackTest {

    @TempDir
    Path dir;

    private static final MigrationDescriptor V1 = Fixtures.CREATE_ROUTERS;
    private static final MigrationDescriptor V2 = Fixtures.CREATE_PLANNERS;
    private static final MigrationDescriptor V3 = Mig.v("3", "Router names").dependsOn("1")
            .up("CREATE TABLE router_names (id INTEGER)").down("DROP TABLE router_names").build();
    private static final MigrationDescriptor V4 = Mig.v("4", "Router name index").dependsOn("3")
            .up("CREATE INDEX router_names_id ON router_names (id)").down("DROP INDEX router_names_id").build();
    private static final MigrationDescriptor V5 = Mig.v("5", "Planner rows").dependsOn("2")
            .up("INSERT INTO planners (id) VALUES (1)").down("DELETE FROM planners").build();

    private static List<String> versions(RollbackReport report) {
        return report.rolledBack().stream().map(m -> m.version().toString()).toList();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void rollback_undoesTheMigrationAndItsAppliedDependentsInReversePlanOrder(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(V1, V2, V3, V4, V5)).load();
        migrator.migrate();

        RollbackReport report = migrator.rollback("1");

        assertEquals(List.of("4", "3", "1"), versions(report));
        assertEquals(List.of("2", "5"), db.rows("SELECT version FROM cairn_history ORDER BY version"));
        assertFalse(db.hasTable("routers"));
        assertFalse(db.hasTable("router_names"));
        assertTrue(db.hasTable("planners"));
        assertEquals(List.of("4|ROLLBACK", "3|ROLLBACK", "1|ROLLBACK"),
                db.rows("SELECT version, action FROM cairn_log WHERE action = 'ROLLBACK' ORDER BY id"));
        assertTrue(report.summary().startsWith("Rolled back 3 migrations on "), report.summary());

        assertEquals(3, migrator.migrate().applied().size());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void rollback_reachesAnAppliedDependentThroughAPendingOne(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor c = Mig.v("3", "Router notes").up("CREATE TABLE router_notes (id INTEGER)")
                .down("DROP TABLE router_notes").build();
        db.configure(Mig.source(V1, c)).load().migrate();
        // Editing dependsOn does not change a checksum: 3 now depends on 2, which depends on 1 and is not applied.
        MigrationDescriptor b = Mig.v("2", "Router names").dependsOn("1")
                .up("CREATE TABLE router_names (id INTEGER)").down("DROP TABLE router_names").build();
        MigrationDescriptor cAfterB = Mig.v("3", "Router notes").dependsOn("2").up("CREATE TABLE router_notes (id INTEGER)")
                .down("DROP TABLE router_notes").build();

        RollbackReport report = db.configure(Mig.source(V1, b, cAfterB)).load().rollback("1");

        assertEquals(List.of("3", "1"), versions(report));
        assertEquals(List.of(), db.rows("SELECT version FROM cairn_history"));
        assertFalse(db.hasTable("router_notes"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void rollbackTo_undoesEverythingAfterTheVersion(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(V1, V2, V3, V4, V5)).load();
        migrator.migrate();

        assertEquals(List.of("5", "4", "3"), versions(migrator.rollbackTo("2")));
        assertEquals(List.of("1", "2"), db.rows("SELECT version FROM cairn_history ORDER BY version"));
        assertTrue(migrator.rollbackTo("2").rolledBack().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void irreversibleMigrationInTheRange_refusesBeforeTouchingAnything(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor irreversible = Mig.v("3", "Drop legacy column").dependsOn("1")
                .up("CREATE TABLE router_names (id INTEGER)").irreversible().build();
        Migrator migrator = db.configure(Mig.source(V1, V2, irreversible, V4, V5)).load();
        migrator.migrate();
        String before = db.snapshot();
        List<String> log = db.rows("SELECT * FROM cairn_log ORDER BY id");

        IrreversibleMigrationException e = assertThrows(IrreversibleMigrationException.class, () -> migrator.rollback("1"));

        assertEquals(ErrorCode.IRREVERSIBLE, e.code());
        assertEquals(MigrationVersion.parse("3"), e.version());
        assertEquals("Rolling back 1 means undoing 4, 3, 1 in that order, but migration 3 \"Drop legacy column\""
                + " (test.V3_Droplegacycolumn) is irreversible (reversible = false). Nothing was changed. Roll back only"
                + " migrations after it, restore from a backup, or write a new migration that undoes what you need.",
                e.getMessage());
        assertEquals(before, db.snapshot(), "migration 4, before 3 in the rollback, was not undone either");
        assertEquals(log, db.rows("SELECT * FROM cairn_log ORDER BY id"));
        assertThrows(IrreversibleMigrationException.class, () -> migrator.rollbackTo("2"));
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void rollbackOfAPendingOrUnknownVersion_isAClearError(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(V1, V2)).load();
        migrator.migrate("1");
        String before = db.snapshot();

        MigrationException pending = assertThrows(MigrationException.class, () -> migrator.rollback("2"));
        assertEquals(ErrorCode.NOT_APPLIED, pending.code());
        assertTrue(pending.getMessage().startsWith("Cannot roll back migration 2 \"Create planners\" (test.V2_Createplanners):"
                + " it is not applied to "), pending.getMessage());

        MigrationException unknown = assertThrows(MigrationException.class, () -> migrator.rollback("7"));
        assertEquals(ErrorCode.NOT_IN_BUILD, unknown.code());
        assertEquals("Version 7 is not a migration of this build (nearest: 2). Check the version, or use a build that"
                + " contains it.", unknown.getMessage());

        MigrationException notAVersion = assertThrows(MigrationException.class, () -> migrator.rollback("2.x"));
        assertEquals(ErrorCode.NOT_IN_BUILD, notAVersion.code());
        assertEquals("\"2.x\" is not a migration version: 'x' is not a digit; use dot-separated non-negative integers"
                + " such as \"3\" or \"2.1\". Nothing was changed.", notAVersion.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void failingDown_keepsTheMigrationAppliedAndSaysSo(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor badDown = Mig.v("2", "Create planners")
                .up("CREATE TABLE planners (id INTEGER PRIMARY KEY)").down("DELETE FROM planners", "DROP TABLE nope").build();
        Migrator migrator = db.configure(Mig.source(V1, badDown)).load();
        migrator.migrate();
        db.execute("INSERT INTO planners (id) VALUES (42)");
        String before = db.snapshot();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> migrator.rollbackTo("1"));

        assertTrue(e.getMessage().startsWith("Rolling back migration 2 \"Create planners\" (test.V2_Createplanners) failed,"
                + " and its transaction was rolled back: it is still applied."), e.getMessage());
        assertEquals("DROP TABLE nope", e.statement().orElseThrow());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void nonTransactionalMigration_rollsBackBehindAMarkerThatItCloses(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor index = Mig.v("2", "Index routers").dependsOn("1").nonTransactional()
                .up("CREATE INDEX routers_id ON routers (id)").down("DROP INDEX routers_id").build();
        Migrator migrator = db.configure(Mig.source(V1, index)).load();
        migrator.migrate();

        assertEquals(List.of("2"), versions(migrator.rollback("2")));

        assertEquals(List.of("1|APPLY", "2|RUNNING", "2|APPLY", "2|RUNNING", "2|ROLLBACK"),
                db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
        assertEquals(List.of(MigrationState.APPLIED, MigrationState.PENDING),
                migrator.status().migrations().stream().map(MigrationStatus::state).toList());
        assertEquals(1, migrator.migrate().applied().size());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void nonTransactionalRollbackFailingPartWay_saysTheHistoryNoLongerListsItAndWhatToDo(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor index = Mig.v("2", "Index routers").dependsOn("1").nonTransactional()
                .up("CREATE INDEX routers_id ON routers (id)").down("DROP INDEX routers_id", "DROP TABLE nope").build();
        Migrator migrator = db.configure(Mig.source(V1, index)).load();
        migrator.migrate();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> migrator.rollback("2"));

        assertTrue(e.getMessage().startsWith("Rolling back migration 2 \"Index routers\" (test.V2_Indexrouters) failed. It is"
                + " non-transactional (transactional = false), so what ran before the failure stays done:\n    DROP INDEX"
                + " routers_id"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Its down() stopped part way, and the history no longer lists migration 2 as"
                + " applied. Check the database and finish that down() by hand, or undo what it did, then run repair to clear"
                + " this state. Either way the migration counts as not applied: migrate would run its up() again."),
                e.getMessage());
        assertEquals(List.of("1"), db.rows("SELECT version FROM cairn_history"));
        assertEquals(MigrationState.INTERRUPTED, migrator.status().migrations().get(1).state());
    }
}
