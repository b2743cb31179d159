package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.Connections;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Fixtures;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Failures around the edges: closing, hand-edited history rows, caught errors, pg_dump without a password. */
class HandlingTest {

    @TempDir
    Path dir;

    private static final MigrationDescriptor V1 = Fixtures.CREATE_ROUTERS;
    private static final MigrationDescriptor V2 = Fixtures.CREATE_PLANNERS;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void connectionThatFailsToClose_afterAMigrate_losesNotTheReport(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);

        MigrationReport report = Migrator.configure(Mig.source(V1, V2), Connections.failingOnClose(db.dataSource())).load().migrate();

        assertEquals(2, report.applied().size());
        assertEquals(List.of("1", "2"), db.rows("SELECT version FROM cairn_history ORDER BY version"));
    }

    @Test
    void rollbackThatFails_onSqlite_endsTheConnectionRatherThanReturnItHoldingTheWriteLock() throws Exception {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        db.configure(Mig.source(V1)).load().migrate();
        String before = db.snapshot();
        MigrationDescriptor halfDone = Mig.v("2", "Half done").up("CREATE TABLE half (id INTEGER)", "INSERT INTO nowhere VALUES (1)")
                .build();
        try (Connection connection = db.dataSource().getConnection()) {
            MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> Migrator.configure(
                    Mig.source(V1, halfDone), Connections.singleFailingOn(connection, "ROLLBACK")).load().migrate());

            assertTrue(e.getMessage().contains("INSERT INTO nowhere"), e.getMessage());
            assertTrue(List.of(e.getCause().getSuppressed()).stream().anyMatch(s -> s.getMessage().contains("during ROLLBACK")),
                    List.of(e.getCause().getSuppressed()).toString());
            assertTrue(connection.isClosed(), "the connection, whose transaction could not be rolled back, was ended");
        }
        db.execute("CREATE TABLE written_after (id INTEGER)");
        db.execute("DROP TABLE written_after");
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void connectionInManualCommitMode_isGivenBackInIt(DbKind kind) throws Exception {
        TestDb db = TestDb.create(kind, dir);
        try (Connection connection = db.dataSource().getConnection()) {
            connection.setAutoCommit(false);

            Migrator.configure(Mig.source(V1), Connections.single(connection)).load().migrate();

            assertFalse(connection.getAutoCommit());
        }
        assertEquals(List.of("1"), db.rows("SELECT version FROM cairn_history"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void handEditedLogAction_isAClearErrorNamingTheRow(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(V1)).load();
        migrator.migrate();
        db.execute("UPDATE cairn_log SET action = 'DONE' WHERE version = '1'");
        String before = db.snapshot();

        MigrationException e = assertThrows(MigrationException.class, migrator::history);

        assertEquals(ErrorCode.DATABASE_ERROR, e.code());
        assertEquals("The table cairn_log has a row (id 1, version 1) whose action is \"DONE\", which Cairn cannot read."
                + " Someone edited it by hand: correct or delete that row. Nothing was changed.", e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @Test
    void handEditedTimestamp_isAClearErrorNamingTheRow() {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        Migrator migrator = db.configure(Mig.source(V1, V2)).load();
        migrator.migrate("1");
        db.execute("UPDATE cairn_history SET installed_on = 'yesterday' WHERE version = '1'");
        String before = db.snapshot();

        MigrationException e = assertThrows(MigrationException.class, migrator::migrate);

        assertEquals(ErrorCode.DATABASE_ERROR, e.code());
        assertEquals("The table cairn_history has a row (version 1) whose installed_on is \"yesterday\", which Cairn"
                + " cannot read. Someone edited it by hand: correct or delete that row. Nothing was changed.", e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void sqlExceptionCaughtByTheMigration_isNotReportedAsTheFailingStatement(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor tolerant = Mig.v("1", "Tolerant").nonTransactional().step(() -> ctx -> {
            try {
                ctx.execute("DROP TABLE legacy_routers");
            } catch (SQLException ignored) {
                // It may not exist: fine.
            }
            ctx.execute("CREATE TABLE routers (id INTEGER)");
            throw new IllegalStateException("bad data in row 7");
        }).build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(tolerant)).load().migrate());

        assertTrue(e.statement().isEmpty(), e.getMessage());
        assertTrue(e.getMessage().contains("so what ran before the failure stays done:\n    DROP TABLE legacy_routers\n"
                + "    CREATE TABLE routers (id INTEGER)\n"), e.getMessage());
    }

    @Test
    void pgDumpFailingToAuthenticate_forADataSource_saysHowToGiveItThePassword() throws Exception {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        Path pgDump = dir.resolve("pg_dump");
        Files.writeString(pgDump, "#!/bin/sh\necho 'pg_dump: error: connection to server failed: fe_sendauth: no password"
                + " supplied' >&2\nexit 1\n");
        Files.setPosixFilePermissions(pgDump, PosixFilePermissions.fromString("rwx------"));
        Path file = dir.resolve("backup.sql");

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.configure(Mig.source(V1)).pgDump(pgDump.toString()).load().backup(file));

        assertEquals(ErrorCode.BACKUP_FAILED, e.code());
        assertTrue(e.getMessage().endsWith("No backup was written. pg_dump could not log in: Cairn has no password to give"
                + " it (a DataSource does not reveal one, and the JDBC URL has none). Set PGPASSWORD in the environment or"
                + " add the password to ~/.pgpass (see PostgreSQL's \"The Password File\")."), e.getMessage());
        assertTrue(Files.notExists(file));
    }
}
