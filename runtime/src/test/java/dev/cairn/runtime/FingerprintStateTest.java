package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The state row holds a plan's fingerprint exactly while the applied set is that plan with its
 * checksums: every command that changes the set clears or rewrites it, and nothing else does.
 */
class FingerprintStateTest {

    private static final MigrationDescriptor ONE = Mig.v("1", "One").up("CREATE TABLE one (id INTEGER)")
            .down("DROP TABLE one").build();
    private static final MigrationDescriptor TWO = Mig.v("2", "Two").dependsOn("1").up("CREATE TABLE two (id INTEGER)")
            .down("DROP TABLE two").build();
    private static final MigrationDescriptor BROKEN = Mig.v("3", "Broken").dependsOn("2").up("INSERT INTO nowhere VALUES (1)")
            .build();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void migrate_recordsItOnlyWhenEverythingIsApplied(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);

        db.configure(Mig.source(ONE, TWO)).load().migrate("1");
        assertEquals(List.of(), state(db), "partly applied");

        db.configure(Mig.source(ONE, TWO)).load().migrate();
        assertEquals(1, state(db).size(), "fully applied");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aFailedMigration_leavesTheRecordOfTheSetItDidNotChange(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(ONE, TWO)).load().migrate();
        List<String> before = state(db);

        assertThrows(MigrationFailedException.class, () -> db.configure(Mig.source(ONE, TWO, BROKEN)).load().migrate());

        assertEquals(before, state(db), "the applied set is still plan {1, 2}, as recorded");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void rollback_clearsIt_andTheNextMigrateRecordsItAgain(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(ONE, TWO)).load();
        migrator.migrate();
        List<String> full = state(db);

        migrator.rollback("2");
        assertEquals(List.of(), state(db));

        migrator.migrate();
        assertEquals(full, state(db));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void baseline_recordsItWhenItMarksEverything_andNotOtherwise(DbKind kind) {
        TestDb partly = TestDb.create(kind, dir);
        partly.configure(Mig.source(ONE, TWO)).load().baseline("1");
        assertEquals(List.of(), state(partly));

        TestDb fully = TestDb.create(kind, dir);
        fully.configure(Mig.source(ONE, TWO)).load().baseline("2");
        assertEquals(1, state(fully).size());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void repairOfAChangedChecksum_recordsTheBuildOnceItMatches(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(ONE, TWO)).load().migrate();
        MigrationDescriptor changedTwo = Mig.v("2", "Two").dependsOn("1").up("CREATE TABLE two (id INTEGER, note TEXT)")
                .down("DROP TABLE two").build();
        Migrator changed = db.configure(Mig.source(ONE, changedTwo)).load();
        assertEquals(ErrorCode.CHECKSUM_MISMATCH, assertThrows(MigrationException.class, changed::migrate).code());

        changed.repair();

        assertEquals(1, state(db).size());
        assertTrue(changed.migrate().isUpToDate());
    }

    private static List<String> state(TestDb db) {
        return db.rows("SELECT fingerprint FROM cairn_history_state");
    }
}
