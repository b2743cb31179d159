package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.PgConnection;
import org.sqlite.SQLiteConnection;

/**
 * A migration's connection is Cairn's: it refuses what would end, begin or close Cairn's
 * transaction, and everything once the migration's up() or down() has returned, so that the
 * history never says applied what was rolled back, nor rolled back what was committed.
 */
class TransactionControlTest {

    @TempDir
    Path dir;

    private static final MigrationDescriptor NOTES = Mig.v("1", "Create notes")
            .up("CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(100))").build();

    private static final String TRANSACTIONAL_END = ", which Cairn refuses: Cairn commits each migration in one transaction"
            + " with its history row, so a commit or rollback part way through would leave the database and the history"
            + " disagreeing. Remove the call. If the migration must commit part way (to run CREATE INDEX CONCURRENTLY, or"
            + " a long data migration in batches), make it non-transactional (transactional = false): each of its"
            + " statements then commits as it runs.";
    private static final String TRANSACTIONAL_END_OF_STATEMENT =
            TRANSACTIONAL_END.replace("Remove the call", "Remove the statement");

    /** A migration 2 that inserts a note, does {@code call} to its connection, and inserts another. */
    private interface ConnectionCall {
        void on(Connection connection) throws Exception;
    }

    private static Mig around(String description, ConnectionCall call) {
        return Mig.v("2", description).dependsOn("1").step(() -> ctx -> {
            ctx.execute("INSERT INTO notes (id, body) VALUES (1, 'before')");
            call.on(ctx.connection());
            ctx.execute("INSERT INTO notes (id, body) VALUES (2, 'after')");
        });
    }

    /** Applies 1, then fails to apply {@code second}, checking that the database is as after 1. */
    private MigrationFailedException refused(DbKind kind, MigrationDescriptor second) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(NOTES, second)).load();
        migrator.migrate("1");
        String before = db.snapshot();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, migrator::migrate);

        assertEquals(before, db.snapshot(), e.getMessage());
        assertEquals(List.of("1|APPLY", "2|FAIL"), db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
        assertEquals(MigrationState.FAILED, migrator.status().migrations().get(1).state());
        return e;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void commitInATransactionalMigration_isRefusedAndNothingOfItIsCommitted(DbKind kind) {
        MigrationFailedException e = refused(kind, around("Commits part way", Connection::commit).build());

        assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
        assertEquals("Migration 2 \"Commits part way\" (test.V2_Commitspartway) failed, and its transaction was rolled"
                + " back: the database is as it was before it. Migrations applied before it stay applied; the ones after"
                + " it were not run."
                + "\n  Error: Migration 2 \"Commits part way\" (test.V2_Commitspartway) calls commit() on its connection"
                + TRANSACTIONAL_END
                + "\nFix test.V2_Commitspartway.up(), rebuild, and run migrate again.", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void rollbackInATransactionalMigration_isRefusedSoItIsNotRecordedAsApplied(DbKind kind) {
        MigrationFailedException e = refused(kind, around("Rolls back", Connection::rollback).build());

        assertTrue(e.getMessage().contains("\n  Error: Migration 2 \"Rolls back\" (test.V2_Rollsback) calls rollback() on"
                + " its connection" + TRANSACTIONAL_END), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void autoCommitSwitchedOnInATransactionalMigration_isRefused(DbKind kind) {
        MigrationFailedException e = refused(kind, around("Autocommits", c -> c.setAutoCommit(true)).build());

        assertTrue(e.getMessage().contains("calls setAutoCommit(true) on its connection" + TRANSACTIONAL_END), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void closingTheConnection_isRefused(DbKind kind) {
        MigrationFailedException e = refused(kind, around("Closes", Connection::close).build());

        assertTrue(e.getMessage().contains("\n  Error: Migration 2 \"Closes\" (test.V2_Closes) calls close() on its"
                + " connection, which Cairn refuses: the connection is Cairn's, which records the migration on it once up()"
                + " returns and runs the next migrations on it. Remove the call; close only what the migration opens itself"
                + " (statements and result sets), with try-with-resources."), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void commitStatementRunThroughTheContext_isRefusedAndShownAsTheStatement(DbKind kind) {
        MigrationFailedException e = refused(kind, Mig.v("2", "Commits in SQL").dependsOn("1")
                .up("INSERT INTO notes (id, body) VALUES (1, 'before')", "COMMIT", "INSERT INTO notes (id, body) VALUES (2, 'after')")
                .build());

        assertTrue(e.getMessage().contains("\n  Statement: COMMIT\n  Error: Migration 2 \"Commits in SQL\""
                + " (test.V2_CommitsinSQL) runs COMMIT" + TRANSACTIONAL_END_OF_STATEMENT), e.getMessage());
        assertEquals("COMMIT", e.statement().orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void transactionStatementsRunOnTheConnection_areRefused(DbKind kind) {
        MigrationFailedException e = refused(kind, around("Ends in SQL", c -> {
            try (Statement statement = c.createStatement()) {
                statement.execute("end transaction");
            }
        }).build());

        assertTrue(e.getMessage().contains("runs end transaction" + TRANSACTIONAL_END_OF_STATEMENT), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void refusalCaughtByTheMigration_stillFailsIt(DbKind kind) {
        MigrationFailedException e = refused(kind, around("Swallows", c -> {
            try {
                c.commit();
            } catch (RuntimeException ignored) {
                // What a migration should not do; Cairn fails it all the same.
            }
        }).build());

        assertTrue(e.getMessage().contains("calls commit() on its connection" + TRANSACTIONAL_END), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void commitInANonTransactionalMigration_isRefusedWithAdviceForIt(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(NOTES, Mig.v("2", "Batches").dependsOn("1").nonTransactional()
                .step(() -> ctx -> ctx.connection().commit()).build())).load();
        migrator.migrate("1");

        MigrationFailedException e = assertThrows(MigrationFailedException.class, migrator::migrate);

        assertTrue(e.getMessage().contains("\n  Error: Migration 2 \"Batches\" (test.V2_Batches) calls commit() on its"
                + " connection, which Cairn refuses: it is non-transactional (transactional = false), so each of its"
                + " statements commits as it runs and there is no transaction for it to end. Remove the call; to make"
                + " several statements all or nothing, move them into a transactional migration of their own."),
                e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void transactionBegunInANonTransactionalMigration_isRefused(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(NOTES, Mig.v("2", "Opens a transaction").dependsOn("1").nonTransactional()
                .step(() -> ctx -> ctx.connection().setAutoCommit(false)).build())).load();
        migrator.migrate("1");

        MigrationFailedException e = assertThrows(MigrationFailedException.class, migrator::migrate);

        assertTrue(e.getMessage().contains("calls setAutoCommit(false) on its connection, which Cairn refuses: it is"
                + " non-transactional (transactional = false), and a transaction it began would still be open when Cairn"
                + " records the migration, which would then commit or roll back with Cairn's history row. Remove the call;"
                + " to make several statements all or nothing, move them into a transactional migration of their own."),
                e.getMessage());
        assertEquals(List.of("1"), db.rows("SELECT version FROM cairn_history"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void savepointsInsideTheMigration_work(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor partly = Mig.v("2", "Undoes a part").dependsOn("1").step(() -> ctx -> {
            Connection connection = ctx.connection();
            ctx.execute("INSERT INTO notes (id, body) VALUES (1, 'kept')");
            Savepoint part = connection.setSavepoint("part");
            ctx.execute("INSERT INTO notes (id, body) VALUES (2, 'undone')");
            connection.rollback(part);
            connection.releaseSavepoint(part);
            ctx.execute("SAVEPOINT second");
            ctx.execute("INSERT INTO notes (id, body) VALUES (3, 'undone too')");
            ctx.execute("ROLLBACK TO SAVEPOINT second");
            ctx.execute("RELEASE SAVEPOINT second");
        }).build();

        db.configure(Mig.source(NOTES, partly)).load().migrate();

        assertEquals(List.of("1|kept"), db.rows("SELECT id, body FROM notes"));
        assertEquals(List.of("1", "2"), db.rows("SELECT version FROM cairn_history ORDER BY version"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void connectionUnwrappedToAnInterface_isGuardedToo(DbKind kind) {
        MigrationFailedException e = refused(kind, around("Unwraps", c -> c.unwrap(Connection.class).commit()).build());

        assertTrue(e.getMessage().contains("calls commit() on its connection" + TRANSACTIONAL_END), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void connectionUnwrappedToTheDriversClass_isRefused(DbKind kind) {
        Class<? extends Connection> driverClass = kind == DbKind.SQLITE ? SQLiteConnection.class : PgConnection.class;

        MigrationFailedException e = refused(kind, around("Unwraps the driver", c -> c.unwrap(driverClass).commit()).build());

        assertTrue(e.getMessage().contains("\n  Error: Migration 2 \"Unwraps the driver\" (test.V2_Unwrapsthedriver) calls"
                + " unwrap(" + driverClass.getName() + ") on its connection, which Cairn refuses: the driver's own connection"
                + " would let the migration commit, roll back or close Cairn's transaction. Unwrap to an interface instead"
                + " (such as org.postgresql.PGConnection for the COPY API), which Cairn guards like the connection."),
                e.getMessage());
    }

    @Test
    void postgresCopyThroughTheUnwrappedDriverInterface_runsInTheMigrationsTransaction() {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        MigrationDescriptor copy = Mig.v("2", "Copies notes").dependsOn("1").step(() -> ctx -> ctx.connection()
                .unwrap(PGConnection.class).getCopyAPI().copyIn("COPY notes (id, body) FROM STDIN", new StringReader("7\tcopied\n")))
                .build();

        db.configure(Mig.source(NOTES, copy)).load().migrate();

        assertEquals(List.of("7|copied"), db.rows("SELECT id, body FROM notes"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void commitInADryRun_isRefusedAndTheDryRunChangesNothing(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(NOTES, around("Commits part way", Connection::commit).build())).load();
        migrator.migrate("1");
        String before = db.snapshot();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, migrator::dryRun);

        assertTrue(e.getMessage().startsWith("Dry run: migration 2 \"Commits part way\" (test.V2_Commitspartway) fails."
                + " Nothing was changed: a dry run rolls everything back.\n  Error: Migration 2 \"Commits part way\""
                + " (test.V2_Commitspartway) calls commit() on its connection" + TRANSACTIONAL_END), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    /**
     * Migration 2 leaves a thread behind that writes while migration 3 runs, on a statement it
     * created and through the context: neither lands in migration 3's transaction.
     */
    @ParameterizedTest
    @EnumSource(DbKind.class)
    void threadThatWritesAfterItsMigrationReturned_isRefusedAndWritesNothing(DbKind kind) throws Exception {
        TestDb db = TestDb.create(kind, dir);
        CountDownLatch nextStarted = new CountDownLatch(1);
        CountDownLatch tried = new CountDownLatch(1);
        AtomicReference<String> statementError = new AtomicReference<>();
        AtomicReference<String> contextError = new AtomicReference<>();
        MigrationDescriptor leavesThread = Mig.v("2", "Leaves a thread").dependsOn("1").step(() -> ctx -> {
            Statement statement = ctx.connection().createStatement();
            Thread worker = new Thread(() -> {
                try {
                    nextStarted.await(20, TimeUnit.SECONDS);
                    statementError.set(messageOf(() -> statement.executeUpdate("INSERT INTO notes (id, body) VALUES (98, 'late')")));
                    contextError.set(messageOf(() -> ctx.execute("INSERT INTO notes (id, body) VALUES (99, 'late')")));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    tried.countDown();
                }
            }, "late-writer");
            worker.start();
        }).build();
        MigrationDescriptor next = Mig.v("3", "Next").dependsOn("2").step(() -> ctx -> {
            nextStarted.countDown();
            assertTrue(tried.await(20, TimeUnit.SECONDS));
            ctx.execute("INSERT INTO notes (id, body) VALUES (3, 'three')");
        }).build();

        db.configure(Mig.source(NOTES, leavesThread, next)).load().migrate();

        assertEquals(List.of("3|three"), db.rows("SELECT id, body FROM notes ORDER BY id"));
        String refusal = "Migration 2 \"Leaves a thread\" (test.V2_Leavesathread) used its connection after its up() had"
                + " returned (from thread \"late-writer\"), which Cairn refuses: the connection has gone on to Cairn's next"
                + " work (recording this migration, or running the next one), where this would land. Make up() wait for"
                + " every thread it starts (join it, or close its executor) before it returns.";
        assertEquals(refusal, statementError.get());
        assertEquals(refusal, contextError.get());
    }

    private interface Call {
        void run() throws Exception;
    }

    /** The message of what {@code call} throws; fails if it throws nothing. */
    private static String messageOf(Call call) {
        try {
            call.run();
        } catch (Exception e) {
            return e.getMessage();
        }
        return "nothing was thrown";
    }
}
