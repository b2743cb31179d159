package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.SqlMig;
import dev.cairn.runtime.testing.TestDb;
import dev.cairn.runtime.testing.Mig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SQL-file migrations: each file's statements run one by one, undo files roll back, stale files never run. */
class SqlFileMigrationTest {

    private static final String V1_FILE = "sqlmig/routers/V1__create_routers.sql";
    private static final String V2_FILE = "sqlmig/routers/V2__add_zone.sql";
    private static final String BROKEN_FILE = "sqlmig/broken/V3__broken.sql";

    private static final MigrationDescriptor V1 = SqlMig.v("1", "create routers", V1_FILE)
            .undo("sqlmig/routers/U1__create_routers.sql").build();
    /** Saved with a byte order mark and CRLF line ends. */
    private static final MigrationDescriptor V2 = SqlMig.v("2", "add zone", V2_FILE).dependsOn("1")
            .undo("sqlmig/routers/U2__add_zone.sql").build();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void migrate_runsEachStatementOfEachFileOnItsOwn(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);

        MigrationReport report = db.configure(Mig.source(V1, V2)).load().migrate();

        assertEquals(List.of("1|r1; with a semicolon|eu", "2|r2|eu"), db.rows("SELECT id, name, zone FROM routers ORDER BY id"));
        assertEquals(List.of("CREATE TABLE routers (\n    id INTEGER PRIMARY KEY,\n    name VARCHAR(50) NOT NULL\n)",
                "INSERT INTO routers (id, name) VALUES (1, 'r1; with a semicolon')",
                "INSERT INTO routers (id, name) VALUES (2, 'r2')"), report.applied().get(0).statements());
        assertEquals(List.of("ALTER TABLE routers ADD COLUMN zone VARCHAR(20)", "UPDATE routers SET zone = 'eu'"),
                report.applied().get(1).statements());
        assertEquals(List.of("1|create routers|" + V1.checksum(), "2|add zone|" + V2.checksum()),
                db.rows("SELECT version, description, checksum FROM cairn_history ORDER BY version"));
        assertTrue(V1.checksum().startsWith("sql1:"), V1.checksum());
        assertTrue(db.configure(Mig.source(V1, V2)).load().migrate().isUpToDate());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void bodiesWithSemicolonsInside_runAsOneStatement_aTriggerOnSqliteAndDollarQuotesOnPostgres(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        // Each database's own way to write a trigger: SQLite's BEGIN ... END body, PostgreSQL's function in $body$ and a DO block.
        String file = kind == DbKind.SQLITE ? "sqlmig/trigger/V2__audit_trigger.sql" : "sqlmig/dollar/V2__audit_trigger.sql";
        MigrationDescriptor trigger = SqlMig.v("2", "audit trigger", file).dependsOn("1").build();

        MigrationReport report = db.configure(Mig.source(V1, trigger)).load().migrate();
        db.execute("INSERT INTO routers (id, name) VALUES (3, 'r3')");

        assertEquals(kind == DbKind.SQLITE ? 2 : 4, report.applied().get(1).statements().size());
        assertEquals(List.of("3|added; checked"), db.rows("SELECT router_id, note FROM audit"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void rollback_runsTheUndoFilesInReverseOrder(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(V1, V2)).load();
        migrator.migrate();

        RollbackReport report = migrator.rollback(MigrationVersion.parse("1"));

        assertEquals(List.of("2", "1"), report.rolledBack().stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of("ALTER TABLE routers DROP COLUMN zone"), report.rolledBack().get(0).statements());
        assertFalse(db.hasTable("routers"));
        assertEquals(List.of(), db.rows("SELECT version FROM cairn_history"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void withoutAnUndoFile_aRollbackIsRefusedBeforeAnythingRuns(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor noUndo = SqlMig.v("2", "add zone", V2_FILE).dependsOn("1").build();
        Migrator migrator = db.configure(Mig.source(V1, noUndo)).load();
        migrator.migrate();
        String before = db.snapshot();

        IrreversibleMigrationException e = assertThrows(IrreversibleMigrationException.class,
                () -> migrator.rollback(MigrationVersion.parse("1")));

        assertTrue(e.getMessage().contains("migration 2 \"add zone\" (" + V2_FILE + ") is irreversible"), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void dryRun_listsTheStatementsOfTheFilesAndChangesNothing(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        String before = db.snapshot();

        DryRunReport report = db.configure(Mig.source(V1, V2)).load().dryRun();

        assertEquals(5, report.wouldApply().stream().mapToInt(m -> m.statements().size()).sum());
        assertEquals("UPDATE routers SET zone = 'eu'", report.wouldApply().get(1).statements().get(1));
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aFileEditedAfterItWasCompiled_isRefusedBeforeAnyMigrationRuns(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor stale = SqlMig.v("2", "add zone", V2_FILE).dependsOn("1")
                .compiledFrom("ALTER TABLE routers ADD COLUMN zone VARCHAR(10);").build();
        MigrationDescriptor v3 = Mig.v("3", "Create planners").up("CREATE TABLE planners (id INTEGER)").build();
        db.configure(Mig.source(V1)).load().migrate();
        String before = db.snapshot();

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.configure(Mig.source(V1, v3, stale)).load().migrate());

        assertEquals(ErrorCode.SQL_RESOURCE, e.code());
        assertTrue(e.getMessage().startsWith("The SQL file " + V2_FILE + " of migration 2 \"add zone\" (" + V2_FILE + ") was"
                + " edited after it was compiled: " + SqlMig.class.getName() + " was compiled with checksum "
                + stale.checksum() + ", the file on the classpath has " + V2.checksum() + ". Nothing of it was run"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Rebuild"), e.getMessage());
        assertEquals(before, db.snapshot());
        assertFalse(db.hasTable("planners"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aFileMissingFromTheClasspath_isRefusedNamingIt(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor missing = SqlMig.v("2", "gone", "sqlmig/routers/V2__gone.sql").build();
        String before = db.snapshot();

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.configure(Mig.source(V1, missing)).load().migrate());

        assertEquals(ErrorCode.SQL_RESOURCE, e.code());
        assertTrue(e.getMessage().startsWith("The SQL file sqlmig/routers/V2__gone.sql of migration 2 \"gone\""
                + " (sqlmig/routers/V2__gone.sql) is not on the classpath"), e.getMessage());
        assertTrue(e.getMessage().contains("src/main/resources/sqlmig/routers/V2__gone.sql"), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aFailingStatement_isNamedWithItsLineInTheFile(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor broken = SqlMig.v("3", "broken", BROKEN_FILE).build();
        db.configure(Mig.source(V1)).load().migrate();
        String before = db.snapshot();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(V1, broken)).load().migrate());

        String message = e.getMessage();
        assertTrue(message.startsWith("Migration 3 \"broken\" (" + BROKEN_FILE + ") failed, and its transaction was rolled"
                + " back"), message);
        assertTrue(message.contains("\n  Statement 3 of 3, at line 5 of " + BROKEN_FILE + ": INSERT INTO planners (id,\n"
                + "                      no_such_column) VALUES (2, 3)\n"), message);
        if (kind == DbKind.POSTGRES) {
            // PostgreSQL's position counts in the statement; the message gives the file's line and column too.
            assertTrue(message.contains("(line 6, column 23 of " + BROKEN_FILE + ")"), message);
        } else {
            assertTrue(message.contains("no_such_column"), message);
        }
        assertTrue(message.endsWith("Fix " + BROKEN_FILE + ", rebuild, and run migrate again."), message);
        assertEquals(before, db.snapshot());
        assertFalse(db.hasTable("planners"));
        assertEquals(List.of("1|APPLY", "3|FAIL"), db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
    }
}
