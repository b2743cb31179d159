package dev.cairn.examples.routers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.IrreversibleMigrationException;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.Migrator;
import dev.cairn.test.CairnTest;
import dev.cairn.test.MigrationTester;
import dev.cairn.test.TestDatabase;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo's migrations as a user has them: compiled by the processor, run through the generated
 * registry, on a SQLite file and on PostgreSQL.
 */
class RoutersEndToEndTest {

    private static List<String> versions(List<ExecutedMigration> migrations) {
        return migrations.stream().map(step -> step.version().toString()).toList();
    }

    /**
     * The schema and every row but the append-only log's, sorted: equal contents mean nothing
     * changed.
     */
    private static String contents(TestDatabase database) {
        String rows = database.tables().stream().filter(table -> !table.equals("cairn_log"))
                .map(table -> table + database.rows("SELECT * FROM " + table).stream().sorted()
                        .map(row -> "\n  " + row).collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
        return MigrationTester.of(new MigrationRegistry(), database).schema() + "\n" + rows;
    }

    @CairnTest
    void runAll_appliesThePlanOnce_andPromotesTheTimeouts(TestDatabase database) {
        MigrationReport first = MigrationRegistry.runAll(database.dataSource());

        assertEquals(List.of("1", "2", "2.1", "3", "4", "5"), versions(first.applied()));
        assertEquals(List.of("edge-frankfurt|90", "edge-paris|120", "edge-virginia|300"),
                database.rows("SELECT name, timeout_seconds FROM routers ORDER BY name"));
        assertEquals(List.of("0"), database.rows("SELECT COUNT(*) FROM routers WHERE metadata LIKE '%timeout%'"));
        String applied = contents(database);

        MigrationReport second = MigrationRegistry.runAll(database.dataSource());

        assertTrue(second.isUpToDate());
        assertEquals(applied, contents(database));
    }

    @CairnTest
    void historyRecordsTheCompileTimeChecksums(TestDatabase database) {
        MigrationRegistry.runAll(database.dataSource());

        MigrationDescriptor promote = new MigrationRegistry().migrations().stream()
                .filter(migration -> migration.version().equals(MigrationVersion.parse("3")))
                .findFirst().orElseThrow();
        assertEquals(List.of(promote.checksum()),
                database.rows("SELECT checksum FROM cairn_history WHERE version = '3'"));
        assertTrue(promote.checksum().startsWith("src1:"));
    }

    @CairnTest
    void rollbackAcrossTheIrreversibleStep_isRefused_andChangesNothing(TestDatabase database) {
        Migrator migrator = MigrationRegistry.migrator(database.dataSource());
        migrator.migrate();
        String before = contents(database);

        IrreversibleMigrationException refused = assertThrows(IrreversibleMigrationException.class,
                () -> migrator.rollback("3"));

        assertEquals("5", refused.version().toString());
        assertTrue(refused.getMessage().contains("Remove timeout_seconds from the JSON metadata"), refused.getMessage());
        assertEquals(before, contents(database));
    }

    @CairnTest
    void rollbackOfABranch_undoesItsDependentFirst_andMigrateReappliesBoth(TestDatabase database) {
        Migrator migrator = MigrationRegistry.migrator(database.dataSource());
        migrator.migrate();

        List<String> rolledBack = versions(migrator.rollback("2.1").rolledBack());

        assertEquals(List.of("4", "2.1"), rolledBack);
        assertFalse(database.tables().contains("router_events"));
        assertEquals(List.of("2.1", "4"), versions(migrator.migrate().applied()));
        assertTrue(database.tables().contains("router_events"));
    }

    @CairnTest
    void dryRunScript_runAsIs_buildsWhatMigrateBuilds(TestDatabase scripted) {
        String script = MigrationRegistry.migrator(scripted.dataSource()).dryRun().toSqlScript();

        script.lines().filter(line -> !line.isBlank() && !line.startsWith("--"))
                .map(line -> line.substring(0, line.length() - 1))
                .forEach(scripted::execute);

        assertTrue(script.contains("VALUES (1, 'edge-paris', '{\"timeout_seconds\": 120, \"region\": \"eu-west\"}');"), script);
        String routers = "SELECT id, name, metadata, timeout_seconds FROM routers ORDER BY id";
        try (TestDatabase migrated = TestDatabase.create(scripted.kind())) {
            MigrationRegistry.runAll(migrated.dataSource());
            assertEquals(migrated.rows(routers), scripted.rows(routers));
        }
    }

    @Test
    void registryIsFoundOnTheClasspath_byServiceLoader() {
        List<String> found = ServiceLoader.load(MigrationSource.class).stream()
                .map(provider -> provider.type().getName()).toList();

        assertEquals(List.of(MigrationRegistry.class.getName()), found);
    }
}
