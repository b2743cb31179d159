package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Fixtures;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A failure's advice fits its cause: only a migration's own code or SQL is told to fix it; a lost
 * connection, a lock another session holds, exhausted resources or a JVM error say what happened
 * and that the migration may run again as it is. Each leaves the database as it was.
 */
class FailureAdviceTest {

    private static final MigrationDescriptor V1 = Fixtures.CREATE_ROUTERS;

    @TempDir
    Path dir;

    @Test
    void connectionEndedByAnAdministrator_isNotTheMigrationsFault() {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        db.configure(Mig.source(V1)).load().migrate();
        String before = db.snapshot();
        MigrationDescriptor killed = Mig.v("2", "Killed").dependsOn("1")
                .up("CREATE TABLE half (id INTEGER)", "SELECT pg_terminate_backend(pg_backend_pid())").build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(V1, killed)).load().migrate());

        assertEquals(ErrorCode.CONNECTION, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("The connection to the database was lost (the server restarted, an administrator"
                + " ended the session, or the network failed). Nothing needs fixing in test.V2_Killed: run migrate again"
                + " once that is solved."), e.getMessage());
        assertFalse(e.getMessage().contains("Fix test.V2_Killed"), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @Test
    void tableLockedByAnotherSession_isALockTimeoutWithItsAdvice() throws Exception {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        db.configure(Mig.source(V1)).load().migrate();
        String before = db.snapshot();
        MigrationDescriptor alter = Mig.v("2", "Add a column").dependsOn("1")
                .up("SET LOCAL lock_timeout = '300ms'", "ALTER TABLE routers ADD COLUMN name TEXT").build();

        MigrationFailedException e;
        try (Connection other = db.dataSource().getConnection(); Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            statement.execute("LOCK TABLE routers IN ACCESS SHARE MODE");
            e = assertThrows(MigrationFailedException.class, () -> db.configure(Mig.source(V1, alter)).load().migrate());
            other.rollback();
        }

        assertEquals(ErrorCode.LOCK_TIMEOUT, e.code(), e.getMessage());
        assertEquals("55P03", e.sqlState().orElseThrow());
        assertTrue(e.getMessage().endsWith("Another session held a lock on what the migration needed for longer than"
                + " Cairn waits, or a deadlock was broken. Find that session (PostgreSQL: pg_locks joined with"
                + " pg_stat_activity; SQLite: another process with a long transaction on the file) and let it finish, or"
                + " wait longer (statementLockTimeout on PostgreSQL, lockTimeout on SQLite). Nothing needs fixing in"
                + " test.V2_Addacolumn: run migrate again once that is solved."), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @Test
    void sqliteBlockedByALongReader_isALockTimeoutNotADatabaseError() throws Exception {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        db.configure(Mig.source(V1)).load().migrate();
        String before = db.snapshot();
        MigrationDescriptor insert = Mig.v("2", "Insert a router").dependsOn("1").up("INSERT INTO routers (id) VALUES (1)").build();

        MigrationException e;
        try (Connection reader = db.dataSource().getConnection(); Statement statement = reader.createStatement()) {
            reader.setAutoCommit(false);
            try (ResultSet rows = statement.executeQuery("SELECT * FROM routers")) {
                rows.next();
                e = assertThrows(MigrationException.class, () -> db.configure(Mig.source(V1, insert))
                        .lockTimeout(Duration.ofMillis(500)).load().migrate());
            }
            reader.rollback();
        }

        assertEquals(ErrorCode.LOCK_TIMEOUT, e.code(), e.getMessage());
        assertTrue(e.getMessage().matches("(?s)Cannot migrate on SQLite database jdbc:sqlite:\\S+: another connection held"
                + " a lock on it for longer than lockTimeout \\(500 ms\\): \\[SQLITE_BUSY\\] .*\\. Probably another process is"
                + " reading or writing the database in a long transaction: wait for it and retry, or raise lockTimeout\\..*"),
                e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void outOfMemoryInAMigration_namesItWritesTheFailureAndReleasesTheLock(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1)).load().migrate();
        String before = db.snapshot();
        MigrationDescriptor greedy = Mig.v("2", "Loads everything").dependsOn("1").step(() -> ctx -> {
            ctx.execute("INSERT INTO routers (id) VALUES (1)");
            long[] everything = new long[Integer.MAX_VALUE - 8];
            everything[0] = 1;
        }).build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(V1, greedy)).load().migrate());

        assertTrue(e.getMessage().startsWith("Migration 2 \"Loads everything\" (test.V2_Loadseverything) failed, and its"
                + " transaction was rolled back"), e.getMessage());
        assertTrue(e.getMessage().contains("Error: java.lang.OutOfMemoryError: "), e.getMessage());
        assertTrue(e.getMessage().contains("The JVM ran out of memory while running it: give it more heap (-Xmx), or make"
                + " the migration hold less at once"), e.getMessage());
        assertEquals(before, db.snapshot());
        assertEquals(List.of("FAIL"), db.rows("SELECT action FROM cairn_log WHERE version = '2'"));
        assertTrue(db.configure(Mig.source(V1)).lockTimeout(Duration.ofSeconds(2)).load().migrate().isUpToDate(),
                "the lock was released");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void stackOverflowInAMigration_isItsOwnFaultAndSaysWhatHappened(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1)).load().migrate();
        String before = db.snapshot();
        MigrationDescriptor recursive = Mig.v("2", "Recurses").dependsOn("1").step(() -> ctx -> recurse(1)).build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(V1, recursive)).load().migrate());

        assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
        assertTrue(e.getMessage().endsWith("It recursed until the JVM's stack ran out (StackOverflowError). Fix"
                + " test.V2_Recurses.up(), rebuild, and run migrate again."), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void firstMigrationOnADatabaseThatAlreadyHasItsTables_pointsToBaseline(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.execute("CREATE TABLE routers (id INTEGER PRIMARY KEY)");
        String before = db.snapshot();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(V1)).load().migrate());

        assertTrue(e.getMessage().startsWith("Migration 1 \"Create routers\" (test.V1_Createrouters) failed"), e.getMessage());
        assertTrue(e.getMessage().endsWith("The database already has what it creates, and Cairn's history records no"
                + " migration: the database was probably set up before Cairn, by hand or by another tool. If it already"
                + " has the changes of the migrations up to some version, record them as applied with"
                + " baseline(<version>) instead of running them; then migrate applies the rest."), e.getMessage());
        assertFalse(e.getMessage().contains("Fix test."), e.getMessage());
        assertEquals(before, db.snapshot().replaceAll("(?s)cairn_history\\[.*?\\]\n(cairn_history_state\\[.*?\\]\n)?", ""));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void laterMigrationCreatingWhatExists_isItsOwnBug(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1)).load().migrate();
        MigrationDescriptor again = Mig.v("2", "Create routers again").dependsOn("1")
                .up("CREATE TABLE routers (id INTEGER PRIMARY KEY)").build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(V1, again)).load().migrate());

        assertTrue(e.getMessage().endsWith("Fix test.V2_Createroutersagain.up(), rebuild, and run migrate again."),
                e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void assertionErrorInAMigration_isAFailureWithItsRow(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1)).load().migrate();
        String before = db.snapshot();
        MigrationDescriptor asserting = Mig.v("2", "Asserts").dependsOn("1").step(() -> ctx -> {
            throw new AssertionError("routers must be empty");
        }).build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(V1, asserting)).load().migrate());

        assertTrue(e.getMessage().contains("Error: java.lang.AssertionError: routers must be empty"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Fix test.V2_Asserts.up(), rebuild, and run migrate again."), e.getMessage());
        assertEquals(before, db.snapshot());
        assertEquals(List.of("FAIL"), db.rows("SELECT action FROM cairn_log WHERE version = '2'"));
    }

    @Test
    void sqliteErrorMentioningReadonly_isTheMigrationsOwnNotAReadOnlyDatabase() {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        db.configure(Mig.source(V1)).load().migrate();
        MigrationDescriptor typo = Mig.v("2", "Typo").dependsOn("1").up("UPDATE routers SET readonly_flag = 1").build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(V1, typo)).load().migrate());

        assertEquals(ErrorCode.MIGRATION_FAILED, e.code(), e.getMessage());
        assertTrue(e.getMessage().endsWith("Fix test.V2_Typo.up(), rebuild, and run migrate again."), e.getMessage());
    }

    private static long recurse(long depth) {
        return depth + recurse(depth + 1);
    }
}
