package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Fixtures;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL connections that end in the middle of a command: the advisory lock's own connection
 * (the lock goes with it), and the work connection during COMMIT. Sessions are ended for real,
 * with pg_terminate_backend.
 */
class PostgresConnectionLossTest {

    @TempDir
    Path dir;

    private static final MigrationDescriptor V1 = Fixtures.CREATE_ROUTERS;

    @Test
    void lockLostDuringAMigration_rollsItBackAndSaysSo() {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        db.configure(Mig.source(V1)).load().migrate();
        String before = db.snapshot();
        MigrationDescriptor losesTheLock = Mig.v("2", "Outlives its lock").dependsOn("1").step(() -> ctx -> {
            ctx.execute("CREATE TABLE lost_work (id INTEGER)");
            // Ends the session holding Cairn's advisory lock, as an idle_session_timeout would.
            ctx.query("SELECT pg_terminate_backend(pid, 10000) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND pid <> pg_backend_pid() AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                    row -> row.getBoolean(1));
        }).build();

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.configure(Mig.source(V1, losesTheLock)).load().migrate());

        assertEquals(ErrorCode.LOCK_LOST, e.code(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Lost the Cairn migration lock of PostgreSQL database "), e.getMessage());
        assertTrue(e.getMessage().contains(" while applying migration 2 \"Outlives its lock\" (test.V2_Outlivesitslock): the"
                + " lock's connection ended or no longer holds it"), e.getMessage());
        assertTrue(e.getMessage().contains("so the migration's transaction was rolled back instead of committed: nothing of"
                + " migration 2 was committed."), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @Test
    void connectionLostDuringCommit_saysTheOutcomeIsUnknownAndToRunStatus() {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        db.configure(Mig.source(V1)).load().migrate();
        // A constraint trigger runs at COMMIT; this one ends its own session there.
        db.execute("CREATE TABLE doomed (id INTEGER)",
                "CREATE FUNCTION end_session() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NULL; END $$",
                "CREATE CONSTRAINT TRIGGER doomed_at_commit AFTER INSERT ON doomed DEFERRABLE INITIALLY DEFERRED"
                        + " FOR EACH ROW EXECUTE FUNCTION end_session()");
        String before = db.snapshot();
        MigrationDescriptor insert = Mig.v("2", "Insert doomed").dependsOn("1").up("INSERT INTO doomed (id) VALUES (1)").build();
        Migrator migrator = db.configure(Mig.source(V1, insert)).load();

        MigrationException e = assertThrows(MigrationException.class, migrator::migrate);

        assertEquals(ErrorCode.COMMIT_OUTCOME_UNKNOWN, e.code(), e.getMessage());
        assertTrue(e.getMessage().startsWith("The connection to PostgreSQL database "), e.getMessage());
        assertTrue(e.getMessage().contains(" failed while committing migration 2 \"Insert doomed\" (test.V2_Insertdoomed) ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("so whether it was committed is unknown. Run status to see whether migration 2 is"
                + " applied, then run migrate again if it is still to do."), e.getMessage());
        assertEquals(before, db.snapshot(), "here the server ended the session before it committed");
        assertEquals(List.of(MigrationState.APPLIED, MigrationState.PENDING),
                migrator.status().migrations().stream().map(MigrationStatus::state).toList());
    }
}
