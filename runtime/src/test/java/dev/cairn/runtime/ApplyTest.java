package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.data.ExecutedDataMigration;
import dev.cairn.runtime.testing.DataFixtures;
import dev.cairn.runtime.testing.DataFixtures.Options;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * apply(version) and dryRunApply(version): one migration with the pending migrations it needs,
 * nothing else; and dataBatchSize, which overrides the batch size data migrations declare.
 */
class ApplyTest {

    @TempDir
    Path dir;

    /** 1 - 3 - 4, with 2 on its own: a lower version that 4 does not need. */
    private static final MigrationDescriptor V1 = Mig.v("1", "Create items")
            .up("CREATE TABLE items (id INTEGER PRIMARY KEY)").down("DROP TABLE items").build();
    private static final MigrationDescriptor V2 = Mig.v("2", "Create tags")
            .up("CREATE TABLE tags (id INTEGER PRIMARY KEY)").down("DROP TABLE tags").build();
    private static final MigrationDescriptor V3 = Mig.v("3", "Add items.name").dependsOn("1")
            .up("ALTER TABLE items ADD COLUMN name VARCHAR(40)").down("ALTER TABLE items DROP COLUMN name").build();
    private static final MigrationDescriptor V4 = Mig.v("4", "Seed items").dependsOn("3")
            .up("INSERT INTO items (id, name) VALUES (1, 'first')").down("DELETE FROM items").build();

    private static final MigrationSource SOURCE = Mig.source(V1, V2, V3, V4);

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void apply_runsTheVersionAndItsPendingPrerequisites_notAnUnrelatedLowerVersion(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(SOURCE).load();

        MigrationReport report = migrator.apply("4");

        assertEquals(List.of("1", "3", "4"), versions(report.applied()));
        assertEquals(Optional.of(MigrationVersion.parse("4")), report.target());
        assertTrue(report.targetOnly());
        assertEquals(List.of("1", "3", "4"), db.rows("SELECT version FROM cairn_history ORDER BY version"));
        assertEquals(List.of("1|APPLY", "3|APPLY", "4|APPLY"), db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
        assertFalse(db.hasTable("tags"));
        assertEquals(List.of("1|first"), db.rows("SELECT id, name FROM items"));
        assertEquals(List.of("2"), migrator.status().pending().stream().map(s -> s.version().toString()).toList());

        MigrationReport rest = migrator.migrate();
        assertEquals(List.of("2"), versions(rest.applied()));
        assertTrue(migrator.status().isUpToDate());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void apply_ofAnAppliedVersion_isUpToDate_andChangesNothing(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(SOURCE).load();
        migrator.apply("3");
        String before = db.snapshot();
        List<String> log = db.rows("SELECT * FROM cairn_log ORDER BY id");

        MigrationReport report = migrator.apply("3");

        assertTrue(report.isUpToDate());
        assertEquals(report.database() + " has nothing to apply for 3: it is applied,"
                + " with every migration it depends on (" + report.duration().toMillis() + " ms).", report.summary());
        assertEquals(before, db.snapshot());
        assertEquals(log, db.rows("SELECT * FROM cairn_log ORDER BY id"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void apply_onAFullyMigratedDatabase_takesTheUpToDatePath(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(SOURCE).load();
        migrator.migrate();
        String before = db.snapshot();

        MigrationReport report = migrator.apply("2");

        assertTrue(report.isUpToDate());
        assertTrue(report.summary().contains(" has nothing to apply for 2: it is applied"), report.summary());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void apply_ofAVersionNotInTheBuild_isRefusedBeforeConnecting(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(SOURCE).load();

        for (Runnable call : List.<Runnable>of(() -> migrator.apply("3.5"), () -> migrator.dryRunApply("3.5"))) {
            MigrationException e = assertThrows(MigrationException.class, call::run);

            assertEquals(ErrorCode.NOT_IN_BUILD, e.code());
            assertEquals("Version 3.5 is not a migration of this build (nearest: 3, 4). Check the version, or use a build"
                    + " that contains it.", e.getMessage());
        }
        MigrationException bad = assertThrows(MigrationException.class, () -> migrator.apply("three"));
        assertEquals(ErrorCode.NOT_IN_BUILD, bad.code());
        assertTrue(bad.getMessage().startsWith("\"three\" is not a migration version: "), bad.getMessage());
        if (kind == DbKind.SQLITE) {
            assertFalse(Files.exists(db.file()), "no connection was opened, which would have created the file");
        } else {
            assertEquals(List.of(), db.tables());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void dryRunApply_listsTheStatementsOfExactlyWhatApplyWouldRun_andLeavesTheDatabaseAsItWas(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(SOURCE).load();
        migrator.apply("1");
        String before = db.snapshot();
        List<String> log = db.rows("SELECT * FROM cairn_log ORDER BY id");

        DryRunReport report = migrator.dryRunApply("4");

        assertEquals(List.of("3", "4"), versions(report.wouldApply()));
        assertEquals(List.of(List.of("ALTER TABLE items ADD COLUMN name VARCHAR(40)"),
                List.of("INSERT INTO items (id, name) VALUES (1, 'first')")),
                report.wouldApply().stream().map(ExecutedMigration::statements).toList());
        assertEquals(List.of(), report.notRun());
        assertEquals(before, db.snapshot());
        assertEquals(log, db.rows("SELECT * FROM cairn_log ORDER BY id"));
        assertTrue(migrator.dryRunApply("1").isUpToDate());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void dataBatchSize_overridesTheSizeADataMigrationDeclares(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationSource source = DataFixtures.source(Options.defaults().size(300));
        Migrator migrator = db.configure(source).load();
        migrator.apply("1");
        DataFixtures.fill(db, 2_500);
        Migrator bigBatches = migrator.toBuilder().dataBatchSize(1_000).load();

        ExecutedDataMigration tried = assertInstanceOf(ExecutedDataMigration.class, bigBatches.dryRunApply("2").wouldApply().get(0));
        assertEquals(1_000, tried.rowsProcessed(), "a dry run tries the first batch, of the size given");
        assertEquals(List.of("0"), db.rows("SELECT COUNT(*) FROM robot_skills"));

        ExecutedDataMigration data = assertInstanceOf(ExecutedDataMigration.class, bigBatches.apply("2").applied().get(0));
        assertEquals(2_500, data.rowsProcessed());
        assertEquals(3, data.batches(), "2,500 rows in batches of 1,000, not the 9 of 300 that the migration declares");
        assertEquals(List.of(), DataFixtures.problems(db, 2_500, List.of()));
    }

    private static List<String> versions(List<? extends ExecutedMigration> migrations) {
        return migrations.stream().map(m -> m.version().toString()).toList();
    }
}
