package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Fixtures;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Nothing waits forever: a migration's statement waits for another session's lock no longer than
 * statementLockTimeout, Cairn's own statements no longer than lockTimeout, and a migration runs no
 * longer than migrationTimeout. Each gives up with an error that says so and changes nothing.
 */
class TimeoutTest {

    private static final MigrationDescriptor V1 = Fixtures.CREATE_ROUTERS;
    private static final MigrationDescriptor ADD_COLUMN = Mig.v("2", "Add a column").dependsOn("1")
            .up("ALTER TABLE routers ADD COLUMN name TEXT").build();

    @TempDir
    Path dir;

    @Test
    void statementLockTimeout_isOnByDefault() {
        assertEquals(Duration.ofSeconds(10), Migrator.configure(Mig.source(), "jdbc:sqlite:" + dir.resolve("a.db")).load()
                .configuration().statementLockTimeout());
    }

    @Test
    void absurdTimeouts_areRefusedAtLoad() {
        MigrationException e = assertThrows(MigrationException.class, () -> Migrator.configure(Mig.source(),
                "jdbc:sqlite:" + dir.resolve("a.db")).statementLockTimeout(Duration.ofSeconds(Long.MAX_VALUE))
                .migrationTimeout(Duration.ofDays(-1)).load());

        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
        assertEquals("Invalid Cairn configuration:\n"
                + "  - statementLockTimeout is PT2562047788015215H30M7S; give a duration of at most 24 hours such as"
                + " Duration.ofSeconds(10), or Duration.ZERO to let statements wait for locks forever\n"
                + "  - migrationTimeout is PT-24H; give a duration of at most 30 days such as Duration.ofMinutes(30), or"
                + " Duration.ZERO for no limit", e.getMessage());
    }

    @Test
    @SuppressWarnings("try") // the other session holds its lock until the connection closes
    void migrationBehindAnotherSessionsLock_givesUpAfterTheStatementLockTimeout() throws Exception {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        db.configure(Mig.source(V1)).load().migrate();
        String before = db.snapshot();

        MigrationFailedException e;
        try (Connection other = holding(db, "LOCK TABLE routers IN ACCESS SHARE MODE")) {
            e = assertThrows(MigrationFailedException.class, () -> db.configure(Mig.source(V1, ADD_COLUMN))
                    .statementLockTimeout(Duration.ofMillis(300)).load().migrate());
        }

        assertEquals(ErrorCode.LOCK_TIMEOUT, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("Statement: ALTER TABLE routers ADD COLUMN name TEXT"), e.getMessage());
        assertTrue(e.getMessage().contains("[SQLState 55P03] ERROR: canceling statement due to lock timeout"), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @Test
    @SuppressWarnings("try") // the other session holds its lock until the connection closes
    void aMigration_mayWaitLessForItself() throws Exception {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        db.configure(Mig.source(V1)).load().migrate();
        MigrationDescriptor impatient = Mig.v("2", "Impatient").dependsOn("1").step(() -> ctx -> {
            ctx.statementLockTimeout(Duration.ofMillis(200));
            ctx.execute("ALTER TABLE routers ADD COLUMN name TEXT");
        }).build();

        MigrationFailedException e;
        try (Connection other = holding(db, "LOCK TABLE routers IN ACCESS SHARE MODE")) {
            // Without its own bound it would wait forever here.
            e = assertThrows(MigrationFailedException.class, () -> db.configure(Mig.source(V1, impatient))
                    .statementLockTimeout(Duration.ZERO).load().migrate());
        }

        assertEquals(ErrorCode.LOCK_TIMEOUT, e.code(), e.getMessage());
    }

    @Test
    @SuppressWarnings("try") // the other session holds its lock until the connection closes
    void cairnsOwnTablesLockedByAnotherSession_areALockTimeoutForMigrateAndStatus() throws Exception {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        db.configure(Mig.source(V1)).load().migrate();
        Migrator migrator = db.configure(Mig.source(V1, ADD_COLUMN)).lockTimeout(Duration.ofMillis(500)).load();

        MigrationException migrate;
        MigrationException status;
        try (Connection other = holding(db, "LOCK TABLE cairn_history IN ACCESS EXCLUSIVE MODE")) {
            migrate = assertThrows(MigrationException.class, migrator::migrate);
            status = assertThrows(MigrationException.class, migrator::status);
        }

        assertEquals(ErrorCode.LOCK_TIMEOUT, migrate.code(), migrate.getMessage());
        assertTrue(migrate.getMessage().startsWith("Cannot migrate on PostgreSQL database "), migrate.getMessage());
        assertTrue(migrate.getMessage().contains(": another connection held a lock on it for longer than lockTimeout (500 ms):"
                + " ERROR: canceling statement due to lock timeout"), migrate.getMessage());
        assertEquals(ErrorCode.LOCK_TIMEOUT, status.code(), status.getMessage());
        assertTrue(status.getMessage().startsWith("Cannot read the migration status on PostgreSQL database "),
                status.getMessage());
        assertEquals(1, migrator.status().migrations().stream().filter(s -> s.state() == MigrationState.PENDING).count());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void migrationPastItsTimeout_isCancelledAndRolledBack(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1)).load().migrate();
        String before = db.snapshot();
        String endless = kind == DbKind.POSTGRES ? "SELECT pg_sleep(60)"
                : "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n";
        MigrationDescriptor slow = Mig.v("2", "Never ends").dependsOn("1").up("INSERT INTO routers (id) VALUES (7)", endless).build();

        long start = System.nanoTime();
        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> db.configure(Mig.source(V1, slow))
                .migrationTimeout(Duration.ofMillis(500)).load().migrate());

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(20)) < 0, "it was cancelled");
        assertTrue(e.getMessage().contains("Error: it ran past migrationTimeout (500 ms) and was cancelled"), e.getMessage());
        assertTrue(e.getMessage().endsWith("It ran longer than migrationTimeout, so Cairn cancelled it. If it needs longer,"
                + " raise migrationTimeout, or make it do less in one run. Nothing needs fixing in test.V2_Neverends: run"
                + " migrate again once that is solved."), e.getMessage());
        assertEquals(before, db.snapshot());
        assertTrue(db.configure(Mig.source(V1)).load().migrate().isUpToDate(), "the command ended cleanly");
    }

    @Test
    void migrationWaitingInJavaCode_isInterruptedAtItsTimeout() {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        MigrationDescriptor sleepy = Mig.v("1", "Sleeps").step(() -> ctx -> Thread.sleep(60_000)).build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> db.configure(Mig.source(sleepy))
                .migrationTimeout(Duration.ofMillis(300)).load().migrate());

        assertTrue(e.getMessage().contains("Error: it ran past migrationTimeout (300 ms) and was cancelled"
                + " (java.lang.InterruptedException: sleep interrupted)"), e.getMessage());
        assertTrue(!Thread.currentThread().isInterrupted(), "the interrupt does not leak to the caller");
    }

    /** Another session holding a lock in an open transaction, until closed. */
    private static Connection holding(TestDb db, String lock) throws Exception {
        Connection other = db.dataSource().getConnection();
        other.setAutoCommit(false);
        try (Statement statement = other.createStatement()) {
            statement.execute(lock);
        }
        return other;
    }
}
