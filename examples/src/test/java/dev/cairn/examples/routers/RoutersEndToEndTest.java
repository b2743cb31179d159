package dev.cairn.examples.routers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.IrreversibleMigrationException;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The demo's migrations as a user has them: compiled by the processor, run through the generated
 * registry, on a SQLite file and on PostgreSQL.
 */
class RoutersEndToEndTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void runAll_appliesThePlanOnce_andPromotesTheTimeouts(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);

        MigrationReport first = MigrationRegistry.runAll(db.dataSource());

        assertEquals(List.of("1", "2", "2.1", "3", "4", "5"),
                first.applied().stream().map(step -> step.version().toString()).toList());
        assertEquals(List.of("edge-frankfurt|90", "edge-paris|120", "edge-virginia|300"),
                db.rows("SELECT name, timeout_seconds FROM routers ORDER BY name"));
        assertEquals(List.of("0"), db.rows("SELECT COUNT(*) FROM routers WHERE metadata LIKE '%timeout%'"));
        String applied = db.snapshot();

        MigrationReport second = MigrationRegistry.runAll(db.dataSource());

        assertTrue(second.isUpToDate());
        assertEquals(applied, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void historyRecordsTheCompileTimeChecksums(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);

        MigrationRegistry.runAll(db.dataSource());

        assertEquals(List.of(MigrationRegistry.V3.checksum()),
                db.rows("SELECT checksum FROM cairn_history WHERE version = '3'"));
        assertTrue(MigrationRegistry.V3.checksum().startsWith("src1:"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void rollbackAcrossTheIrreversibleStep_isRefused_andChangesNothing(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = MigrationRegistry.migrator(db.dataSource());
        migrator.migrate();
        String before = db.snapshot();

        IrreversibleMigrationException refused = assertThrows(IrreversibleMigrationException.class,
                () -> migrator.rollback("3"));

        assertEquals("5", refused.version().toString());
        assertTrue(refused.getMessage().contains("Remove timeout_seconds from the JSON metadata"), refused.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void rollbackOfABranch_undoesItsDependentFirst_andMigrateReappliesBoth(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = MigrationRegistry.migrator(db.dataSource());
        migrator.migrate();

        List<String> rolledBack = migrator.rollback("2.1").rolledBack().stream()
                .map(ExecutedMigration::version).map(Object::toString).toList();

        assertEquals(List.of("4", "2.1"), rolledBack);
        assertFalse(db.hasTable("router_events"));
        assertEquals(List.of("2.1", "4"), migrator.migrate().applied().stream()
                .map(step -> step.version().toString()).toList());
        assertTrue(db.hasTable("router_events"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void dryRunScript_runAsIs_buildsWhatMigrateBuilds(DbKind kind) {
        TestDb scripted = TestDb.create(kind, dir);
        TestDb migrated = TestDb.create(kind, dir);
        String script = MigrationRegistry.migrator(scripted.dataSource()).dryRun().toSqlScript();

        scripted.execute(script.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("--"))
                .map(line -> line.substring(0, line.length() - 1))
                .toArray(String[]::new));
        MigrationRegistry.runAll(migrated.dataSource());

        assertTrue(script.contains("VALUES (1, 'edge-paris', '{\"timeout_seconds\": 120, \"region\": \"eu-west\"}');"), script);
        String routers = "SELECT id, name, metadata, timeout_seconds FROM routers ORDER BY id";
        assertEquals(migrated.rows(routers), scripted.rows(routers));
    }

    @Test
    void registryIsFoundOnTheClasspath_byServiceLoader() {
        List<String> found = ServiceLoader.load(MigrationSource.class).stream()
                .map(provider -> provider.type().getName()).toList();

        assertEquals(List.of(MigrationRegistry.class.getName()), found);
    }
}
