package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Fixtures;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import dev.cairn.runtime.testing.Waits;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite locks each transaction, not a whole command, so another process can commit between two
 * steps of a command (here: while a non-transactional migration runs). A step that no longer fits
 * the database is not run; the command stops and says what happened.
 */
class InterleavingTest {

    @TempDir
    Path dir;

    private static final MigrationDescriptor BASE = Mig.v("1", "Base").up("CREATE TABLE base (id INTEGER PRIMARY KEY)")
            .down("DROP TABLE base").build();
    private static final MigrationDescriptor NEEDS_BASE = Mig.v("3", "Needs base").dependsOn("1")
            .up("CREATE TABLE needs_base (base_id INTEGER)").down("DROP TABLE needs_base").build();

    /** A non-transactional migration whose up() or down() waits in the middle until the test releases it. */
    private MigrationDescriptor blocking(String version, boolean inUp, String... dependsOn) {
        return Mig.v(version, "Blocks").dependsOn(dependsOn).nonTransactional().step(() -> new JavaMigration() {
            @Override
            public void up(MigrationContext ctx) throws Exception {
                if (inUp) {
                    await();
                }
            }

            @Override
            public void down(MigrationContext ctx) throws Exception {
                if (!inUp) {
                    await();
                }
            }
        }).build();
    }

    private void await() throws Exception {
        Fixtures.touch(dir.resolve("entered"));
        Waits.awaitFile(dir.resolve("release"));
    }

    private void awaitEntered(CompletableFuture<?> command) throws Exception {
        Waits.awaitFile(dir.resolve("entered"), command);
    }

    private static MigrationException failureOf(CompletableFuture<?> command) throws Exception {
        try {
            command.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (MigrationException) e.getCause();
        }
        throw new AssertionError("the command did not fail");
    }

    @Test
    void migrate_stopsBeforeAMigrationWhosePrerequisiteWasRolledBackMeanwhile() throws Exception {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        Migrator migrator = db.configure(Mig.source(BASE, blocking("2", true), NEEDS_BASE)).load();
        migrator.migrate("1");
        CompletableFuture<MigrationReport> migrate = CompletableFuture.supplyAsync(migrator::migrate);
        awaitEntered(migrate);

        migrator.rollback("1");
        Fixtures.touch(dir.resolve("release"));
        MigrationException e = failureOf(migrate);

        assertEquals(ErrorCode.CONCURRENT_CHANGE, e.code());
        assertTrue(e.getMessage().startsWith("Another process changed SQLite database " + db.jdbcUrl() + " while this command"
                + " was running: migration 3 \"Needs base\" (test.V3_Needsbase) depends on 1, no longer applied. Stopped"
                + " before applying migration 3. This command applied 2. Run it again to continue from the database as it"
                + " is now."), e.getMessage());
        assertEquals(List.of("2"), db.rows("SELECT version FROM cairn_history"));
        assertFalse(db.hasTable("needs_base"));
    }

    @Test
    void rollback_stopsBeforeAMigrationThatGainedAnAppliedDependentMeanwhile() throws Exception {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        Migrator migrator = db.configure(Mig.source(BASE, NEEDS_BASE, blocking("5", false, "1"))).load();
        migrator.migrate();
        migrator.rollback("3");
        CompletableFuture<RollbackReport> rollback = CompletableFuture.supplyAsync(() -> migrator.rollback("1"));
        awaitEntered(rollback);

        migrator.migrate("3");
        Fixtures.touch(dir.resolve("release"));
        MigrationException e = failureOf(rollback);

        assertEquals(ErrorCode.CONCURRENT_CHANGE, e.code());
        assertTrue(e.getMessage().startsWith("Another process changed SQLite database " + db.jdbcUrl() + " while this command"
                + " was running: 3, depending on migration 1 \"Base\" (test.V1_Base), is applied now. Stopped before"
                + " rolling back migration 1. This command rolled back 5. Run it again to continue from the database as"
                + " it is now."), e.getMessage());
        assertEquals(List.of("1", "3"), db.rows("SELECT version FROM cairn_history ORDER BY version"));
        assertTrue(db.hasTable("base"));
    }

    @Test
    void migrate_stopsBeforeTheNextMigrationWhenANewerBuildAppliedAnUnknownVersionMeanwhile() throws Exception {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        Migrator migrator = db.configure(Mig.source(BASE, blocking("2", true), NEEDS_BASE)).load();
        migrator.migrate("1");
        CompletableFuture<MigrationReport> migrate = CompletableFuture.supplyAsync(migrator::migrate);
        awaitEntered(migrate);

        db.configure(Mig.source(BASE, Mig.v("9", "From a newer build").up("CREATE TABLE newer (id INTEGER)").build()))
                .load().migrate();
        Fixtures.touch(dir.resolve("release"));
        MigrationException e = failureOf(migrate);

        assertEquals(ErrorCode.UNKNOWN_APPLIED, e.code());
        assertTrue(e.getMessage().startsWith("Another process changed SQLite database " + db.jdbcUrl() + " while this command"
                + " was running. SQLite database " + db.jdbcUrl() + " has 1 applied migration that this build does not know:"
                + "\n  9 \"From a newer build\""), e.getMessage());
        assertTrue(e.getMessage().endsWith("set allowUnknownApplied(true).\nStopped before applying migration 3. This command"
                + " applied 2."), e.getMessage());
        assertEquals(List.of("1", "2", "9"), db.rows("SELECT version FROM cairn_history ORDER BY version"));
        assertFalse(db.hasTable("needs_base"));
    }

    @Test
    void nonTransactionalMigration_isNotRecordedWhenItsPrerequisiteWasRolledBackWhileItRan() throws Exception {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        Migrator migrator = db.configure(Mig.source(BASE, blocking("2", true, "1"))).load();
        migrator.migrate("1");
        CompletableFuture<MigrationReport> migrate = CompletableFuture.supplyAsync(migrator::migrate);
        awaitEntered(migrate);

        db.configure(Mig.source(BASE)).load().rollback("1");
        Fixtures.touch(dir.resolve("release"));
        MigrationException e = failureOf(migrate);

        assertTrue(e.getMessage().startsWith("Migration 2 \"Blocks\" (test.V2_Blocks) ran to the end, but could not be recorded"
                + " as applied."), e.getMessage());
        assertTrue(e.getMessage().contains("migration 2 \"Blocks\" (test.V2_Blocks) depends on 1, no longer applied"),
                e.getMessage());
        assertEquals(List.of(), db.rows("SELECT version FROM cairn_history"));
        assertEquals(MigrationState.INTERRUPTED, migrator.status().migrations().get(1).state());
    }
}
