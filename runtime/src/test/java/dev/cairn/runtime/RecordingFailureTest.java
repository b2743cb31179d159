package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sqlite.SQLiteDataSource;

/**
 * Failures after a migration's up() returned: while its history row is written or at commit.
 * They are the migration's failure like any other: rolled back, a FAIL row, a clear error.
 */
class RecordingFailureTest {

    @TempDir
    Path dir;

    private static final MigrationDescriptor PARENTS = Mig.v("1", "Parents and children").up(
            "CREATE TABLE parent (id INTEGER PRIMARY KEY)",
            "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)")
            .build();
    private static final MigrationDescriptor ORPHAN = Mig.v("2", "Orphan child")
            .up("INSERT INTO child (id, parent_id) VALUES (1, 99)").build();

    /** The database's own data source; on SQLite with foreign keys enforced, so that deferred keys are checked. */
    private static DataSource dataSource(TestDb db) {
        if (db.kind() == DbKind.POSTGRES) {
            return db.dataSource();
        }
        SQLiteDataSource enforcing = new SQLiteDataSource();
        enforcing.setUrl(db.jdbcUrl());
        enforcing.setEnforceForeignKeys(true);
        return enforcing;
    }

    /** Makes every insert into the history table fail, as a trigger, a full disk or a lost connection could. */
    private static void closeHistory(TestDb db) {
        if (db.kind() == DbKind.POSTGRES) {
            db.execute("CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'history is closed for"
                    + " maintenance'; END $$ LANGUAGE plpgsql",
                    "CREATE TRIGGER history_closed BEFORE INSERT ON cairn_history FOR EACH ROW EXECUTE FUNCTION refuse()");
        } else {
            db.execute("CREATE TRIGGER history_closed BEFORE INSERT ON cairn_history"
                    + " BEGIN SELECT RAISE(ABORT, 'history is closed for maintenance'); END");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void deferredForeignKeyViolatedAtCommit_isTheMigrationsFailure(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = Migrator.configure(Mig.source(PARENTS, ORPHAN), dataSource(db)).load();
        migrator.migrate("1");
        String before = db.snapshot();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, migrator::migrate);

        assertEquals(MigrationVersion.parse("2"), e.version());
        assertTrue(e.getMessage().startsWith("Migration 2 \"Orphan child\" (test.V2_Orphanchild) failed, and its transaction"
                + " was rolled back: the database is as it was before it."), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("foreign key"), e.getMessage());
        assertEquals(before, db.snapshot());
        assertEquals(List.of("1|APPLY", "2|FAIL"), db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
        assertEquals(MigrationState.FAILED, migrator.status().migrations().get(1).state());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void historyRowThatCannotBeWritten_isTheMigrationsFailure(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(PARENTS, Mig.v("2", "Add a parent")
                .up("INSERT INTO parent (id) VALUES (1)").build())).load();
        migrator.migrate("1");
        closeHistory(db);
        String before = db.snapshot();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, migrator::migrate);

        assertTrue(e.getMessage().startsWith("Migration 2 \"Add a parent\" (test.V2_Addaparent) failed, and its transaction"
                + " was rolled back: the database is as it was before it."), e.getMessage());
        assertTrue(e.getMessage().contains("history is closed for maintenance"), e.getMessage());
        assertEquals(before, db.snapshot());
        assertEquals(List.of("1|APPLY", "2|FAIL"), db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void nonTransactionalMigrationThatRanButCannotBeRecorded_saysSoAndWhatToDo(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(PARENTS, Mig.v("2", "Index parents").nonTransactional()
                .up("CREATE INDEX parent_id ON parent (id)").build())).load();
        migrator.migrate("1");
        closeHistory(db);
        String before = db.snapshot();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, migrator::migrate);

        assertTrue(e.getMessage().startsWith("Migration 2 \"Index parents\" (test.V2_Indexparents) ran to the end, but could"
                + " not be recorded as applied. It is non-transactional (transactional = false), so its changes stay:"
                + "\n    CREATE INDEX parent_id ON parent (id)"), e.getMessage());
        assertTrue(e.getMessage().contains("history is closed for maintenance"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Check the database, then run repair and migrate again (it will run migration 2"
                + " again, so undo its changes first or make sure running it twice is harmless)."), e.getMessage());
        assertEquals(before, db.snapshot(), "the history is as before: migration 2 is not recorded");
        assertEquals(List.of("1|APPLY", "2|RUNNING", "2|FAIL"), db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
        assertEquals(MigrationState.INTERRUPTED, migrator.status().migrations().get(1).state());
    }
}
