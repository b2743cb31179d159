package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Fixtures;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import dev.cairn.runtime.testing.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bad URLs, unreachable servers, read-only databases, bad options, lock timeouts: clear errors, nothing changed. */
class ErrorsTest {

    @TempDir
    Path dir;

    private static final MigrationDescriptor V1 = Fixtures.CREATE_ROUTERS;
    private static final MigrationDescriptor V2 = Fixtures.CREATE_PLANNERS;

    @Test
    void urlNoDriverAccepts_failsAtLoadNamingTheUrlWithoutItsPassword() {
        MigrationException e = assertThrows(MigrationException.class,
                () -> Migrator.configure(Mig.source(V1), "jdbc:mysqlx://db/app?user=app&password=hunter2").load());

        assertEquals(ErrorCode.CONNECTION, e.code());
        assertEquals("No JDBC driver accepts the URL jdbc:mysqlx://db/app?user=app&password=***. Use jdbc:sqlite:<file> for"
                + " SQLite or jdbc:postgresql://<host>:<port>/<database> for PostgreSQL, and put the database's driver on"
                + " the classpath.", e.getMessage());
    }

    @Test
    void unreachableServer_isAConnectionErrorThatNeverShowsThePassword() {
        Migrator migrator = Migrator.configure(Mig.source(V1), "jdbc:postgresql://127.0.0.1:1/app?user=app&password=hunter2"
                + "&connectTimeout=2").load();

        MigrationException e = assertThrows(MigrationException.class, migrator::migrate);

        assertEquals(ErrorCode.CONNECTION, e.code());
        assertTrue(e.getMessage().startsWith("Cannot connect to jdbc:postgresql://127.0.0.1:1/app?user=app&password=***"
                + "&connectTimeout=2: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Check that the database server is running and reachable, and the URL, user and"
                + " password. Nothing was changed."), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void sqliteFileInAMissingDirectory_isAConnectionError() {
        Path missing = dir.resolve("no-such-dir").resolve("app.db");

        MigrationException e = assertThrows(MigrationException.class,
                () -> Migrator.configure(Mig.source(V1), "jdbc:sqlite:" + missing).load().migrate());

        assertEquals(ErrorCode.CONNECTION, e.code());
        assertTrue(e.getMessage().startsWith("Cannot connect to jdbc:sqlite:" + missing), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void readOnlyDatabase_refusesToMigrateButStillReportsStatus(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1)).load().migrate();
        String before = db.snapshot();
        Migrator migrator = Migrator.configure(Mig.source(V1, V2), db.readOnlyUrl()).lockTimeout(Duration.ofSeconds(5)).load();

        MigrationException e = assertThrows(MigrationException.class, migrator::migrate);

        assertEquals(ErrorCode.READ_ONLY, e.code());
        assertTrue(e.getMessage().startsWith("Cannot apply migration 2 \"Create planners\" (test.V2_Createplanners): "
                + kind.name().charAt(0)), e.getMessage());
        assertTrue(e.getMessage().contains("is read-only ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("Cairn writes its tables cairn_history and cairn_log to migrate; connect with a"
                + " user or a file that can write. Nothing was changed."), e.getMessage());
        assertEquals(before, db.snapshot());
        assertEquals(List.of(MigrationState.APPLIED, MigrationState.PENDING),
                migrator.status().migrations().stream().map(MigrationStatus::state).toList());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void historyTableNameWithSql_isRefusedAtLoad(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(V1)).load().migrate();
        String before = db.snapshot();

        MigrationException e = assertThrows(MigrationException.class, () -> db.configure(Mig.source(V1, V2))
                .historyTable("cairn_history; DROP TABLE routers; --").lockTimeout(Duration.ZERO).load());

        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
        assertEquals("Invalid Cairn configuration:\n"
                + "  - historyTable is \"cairn_history; DROP TABLE routers; --\", which is not a plain identifier; use"
                + " lower-case letters, digits and underscores, starting with a letter or underscore, at most 57"
                + " characters (Cairn adds \"_state\" for its state table), such as \"cairn_history\"\n"
                + "  - lockTimeout is PT0S; give a positive duration such as Duration.ofMinutes(2)", e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void lockHeldTooLong_timesOutNamingTheHolderWhereTheDatabaseCan(DbKind kind) throws Exception {
        TestDb db = TestDb.create(kind, dir);
        CompletableFuture<MigrationReport> holder = CompletableFuture.supplyAsync(
                () -> db.configure(Fixtures.blocking(dir, true)).load().migrate());
        Waits.awaitFile(dir.resolve("entered"), holder);

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.configure(Fixtures.blocking(dir, true)).lockTimeout(Duration.ofSeconds(1)).load().migrate());

        assertEquals(ErrorCode.LOCK_TIMEOUT, e.code());
        if (kind == DbKind.POSTGRES) {
            assertTrue(e.getMessage().matches("(?s)Timed out after 1 s waiting for the Cairn migration lock of PostgreSQL"
                    + " database .*: it is held by backend pid \\d+ \\(application_name \"PostgreSQL JDBC Driver\", client"
                    + " .*\\)\\. Probably another instance is migrating: wait for it and retry, or raise lockTimeout\\. If that"
                    + " session is stuck, end it with SELECT pg_terminate_backend\\(\\d+\\)\\."), e.getMessage());
        } else {
            assertTrue(e.getMessage().startsWith("Timed out after 1 s waiting for the write lock of the SQLite database "
                    + db.jdbcUrl() + ". Another connection holds it (SQLite cannot tell which process)"), e.getMessage());
        }
        Fixtures.touch(dir.resolve("release"));
        assertEquals(2, holder.get(30, TimeUnit.SECONDS).applied().size());
        assertEquals(List.of("1|1", "2|1"), db.rows("SELECT version, count(*) FROM cairn_history GROUP BY version ORDER BY version"));
        assertEquals(List.of("1|APPLY", "2|APPLY"), db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
    }

    @Test
    void schemaByNameNoSchemaOptionAndAnotherSearchPath_shareOneLock() throws Exception {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        // A schema first on the search path that does not hold the history table: current_schema()
        // names it, while the unqualified history table resolves to public.
        db.execute("CREATE SCHEMA app");
        CompletableFuture<MigrationReport> holder = CompletableFuture.supplyAsync(
                () -> db.configure(Fixtures.blocking(dir, true)).schema("public").load().migrate());
        Waits.awaitFile(dir.resolve("entered"), holder);
        try {
            assertTimesOutOnTheLock(db.configure(Fixtures.blocking(dir, true)));
            assertTimesOutOnTheLock(Migrator.configure(Fixtures.blocking(dir, true),
                    db.jdbcUrl() + "&currentSchema=app,public"));
        } finally {
            Fixtures.touch(dir.resolve("release"));
        }
        assertEquals(2, holder.get(30, TimeUnit.SECONDS).applied().size());
        assertEquals(List.of(), db.rows("SELECT tablename FROM pg_tables WHERE schemaname = 'app'"));
    }

    private static void assertTimesOutOnTheLock(Migrator.Builder contender) {
        CompletableFuture<MigrationReport> other = CompletableFuture.supplyAsync(
                () -> contender.lockTimeout(Duration.ofSeconds(1)).load().migrate());
        ExecutionException e = assertThrows(ExecutionException.class, () -> other.get(15, TimeUnit.SECONDS));
        assertEquals(ErrorCode.LOCK_TIMEOUT, ((MigrationException) e.getCause()).code(), e.getCause().getMessage());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void schemaOption_keepsCairnsTablesInThatSchemaOnPostgresAndIsRefusedOnSqlite(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(V1)).schema("cairn").load();

        if (kind == DbKind.POSTGRES) {
            migrator.migrate();
            assertEquals(List.of("cairn.cairn_history", "cairn.cairn_history_state", "cairn.cairn_log", "routers"), db.tables());
            assertTrue(migrator.status().isUpToDate());
        } else {
            MigrationException e = assertThrows(MigrationException.class, migrator::migrate);
            assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
            assertTrue(e.getMessage().startsWith("The schema option (\"cairn\") is for databases with schemas, but "), e.getMessage());
            assertEquals(List.of(), db.tables());
        }
    }

    @Test
    void invalidPlan_isRefusedAtLoadWithEveryProblem() {
        MigrationDescriptor duplicate = Mig.v("1.0", "Same version").up("SELECT 1").build();
        MigrationDescriptor unknownDependency = Mig.v("3", "Needs 2.5").dependsOn("2.5").up("SELECT 1").build();
        MigrationDescriptor dependsOnLater = Mig.v("4", "Needs 5").dependsOn("5").up("SELECT 1").build();
        MigrationDescriptor later = Mig.v("5", "Later").up("SELECT 1").build();

        MigrationException e = assertThrows(MigrationException.class, () -> Migrator.configure(
                Mig.source(V1, duplicate, unknownDependency, dependsOnLater, later), "jdbc:sqlite:" + dir.resolve("x.db")).load());

        assertEquals(ErrorCode.INVALID_PLAN, e.code());
        assertTrue(e.getMessage().contains("  - version 1.0 is used by both test.V1_Createrouters and test.V1_0_Sameversion\n"
                + "  - 3 \"Needs 2.5\" (test.V3_Needs25) depends on 2.5, which is not in the plan\n"
                + "  - 4 \"Needs 5\" (test.V4_Needs5) depends on 5, which comes after it in the plan\n"), e.getMessage());
    }
}
