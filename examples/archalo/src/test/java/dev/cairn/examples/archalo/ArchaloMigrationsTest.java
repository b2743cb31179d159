package dev.cairn.examples.archalo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.DryRunReport;
import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.ExecutedRepeatable;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.RepeatableMigration;
import dev.cairn.runtime.RollbackReport;
import dev.cairn.test.CairnTest;
import dev.cairn.test.DatabaseKind;
import dev.cairn.test.MigrationTester;
import dev.cairn.test.RoundTripReport;
import dev.cairn.test.TestDatabase;
import java.util.List;

/** Seed 003's files as Cairn SQL migrations on the embedded PostgreSQL: migrate, data, undo files, repeatable views, dry run. */
class ArchaloMigrationsTest {

    private static List<String> versions(List<ExecutedMigration> steps) {
        return steps.stream().map(m -> m.version().toString()).toList();
    }

    @CairnTest(databases = DatabaseKind.POSTGRESQL)
    void migrate_appliesTheFilesInOrder_thenTheViews_andNextTimeNothing(TestDatabase database) {
        Migrator migrator = MigrationRegistry.migrator(database.dataSource());

        MigrationReport report = migrator.migrate();

        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), versions(report.applied()));
        assertEquals(List.of("model_views", "training_views"),
                report.repeatables().stream().map(ExecutedRepeatable::name).toList());
        assertEquals(List.of("CREATE INDEX idx_models_active ON public.models USING btree (model_id) WHERE ((status)::text"
                + " = 'active'::text)"), database.rows("SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_models_active'"));
        assertEquals(List.of("true"), database.rows("SELECT indisvalid FROM pg_index WHERE indexrelid = 'idx_models_active'::regclass"));
        assertEquals(List.of("Every model of the reactor, one row per architecture instance"),
                database.rows("SELECT obj_description('models'::regclass, 'pg_class')"));
        assertEquals(List.of("What the model is for, for humans; ends with ; sometimes"),
                database.rows("SELECT col_description(attrelid, attnum) FROM pg_attribute"
                        + " WHERE attrelid = 'models'::regclass AND attname = 'description'"));
        assertTrue(migrator.migrate().isUpToDate());
        assertTrue(migrator.status().isUpToDate(), migrator.status().summary());
        // The next start reads this one row and nothing else: the views' checksums are in the fingerprint.
        assertEquals(List.of(new MigrationRegistry().fingerprint().orElseThrow()),
                database.rows("SELECT fingerprint FROM cairn_history_state"));
    }

    @CairnTest(databases = DatabaseKind.POSTGRESQL)
    void theSchema_holdsTheReactorsData_withUuidKeysAndTheViews(TestDatabase database) {
        MigrationRegistry.runAll(database.dataSource());
        database.execute("INSERT INTO models (name, architecture, status) VALUES ('halo-7b', 'transformer', 'active')");
        database.execute("INSERT INTO model_components (model_id, component_type, layer_index)"
                + " SELECT model_id, 'attention', g FROM models, generate_series(0, 31) AS g WHERE name = 'halo-7b'");
        database.execute("INSERT INTO training_sessions (model_id, epochs_planned) SELECT model_id, 3 FROM models");
        database.execute("INSERT INTO training_metrics (session_id, epoch, metric_type, metric_value)"
                + " SELECT session_id, e, 'loss', 1.0 / e FROM training_sessions, generate_series(1, 2) AS e");

        assertEquals(List.of("halo-7b|transformer|active|32|31"),
                database.rows("SELECT name, architecture, status, component_count, top_layer FROM v_model_architecture"));
        assertEquals(List.of("3|2|0.5"), database.rows("SELECT epochs_planned, latest_epoch, latest_loss FROM v_training_progress"));
        assertEquals(List.of("uuid"), database.rows("SELECT pg_typeof(model_id)::text FROM models"));
    }

    @CairnTest(databases = DatabaseKind.POSTGRESQL)
    void everyMigration_goesUpDownThroughItsUndoFileAndUpAgainToTheSameSchema(TestDatabase database) {
        RoundTripReport report = MigrationTester.of(new MigrationRegistry(), database).assertRoundTrips();

        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), report.checked().stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of(), report.skipped());
    }

    @CairnTest(databases = DatabaseKind.POSTGRESQL)
    void rollingBack_runsTheUndoFiles_andTheNextMigrateRecreatesTheViews(TestDatabase database) {
        Migrator migrator = MigrationRegistry.migrator(database.dataSource());
        migrator.migrate();

        RollbackReport rollback = migrator.rollbackTo("2");

        assertEquals(List.of("7", "6", "5", "4", "3"), versions(rollback.rolledBack()));
        assertEquals(List.of(), database.rows("SELECT indexname FROM pg_indexes WHERE indexname = 'idx_models_active'"));
        assertEquals(List.of(), database.rows("SELECT 1 FROM information_schema.columns WHERE table_name = 'models'"
                + " AND column_name = 'description'"));
        assertFalse(database.tables().contains("training_sessions"), database.tables().toString());
        // U3 dropped the training tables CASCADE, and with them the training view.
        assertEquals(List.of("v_model_architecture"), database.rows("SELECT viewname FROM pg_views WHERE schemaname = 'public'"));

        MigrationReport again = migrator.migrate();

        assertEquals(List.of("3", "4", "5", "6", "7"), versions(again.applied()));
        assertEquals(List.of("model_views", "training_views"), again.repeatables().stream().map(ExecutedRepeatable::name).toList());
        assertEquals(List.of("v_model_architecture", "v_training_progress"),
                database.rows("SELECT viewname FROM pg_views WHERE schemaname = 'public' ORDER BY viewname"));
    }

    @CairnTest(databases = DatabaseKind.POSTGRESQL)
    void theIdempotentColumnAdd_leavesAnExistingColumnAsItIs(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(new MigrationRegistry(), database);
        tester.migrateToJustBefore("7");
        database.execute("ALTER TABLE models ADD COLUMN description TEXT");

        tester.apply("7");

        assertEquals(List.of("text"), database.rows("SELECT data_type FROM information_schema.columns"
                + " WHERE table_name = 'models' AND column_name = 'description'"));
    }

    @CairnTest(databases = DatabaseKind.POSTGRESQL)
    void aChangedView_isRecreatedByTheNextMigrate_andOnlyIt(TestDatabase database) {
        MigrationRegistry.runAll(database.dataSource());
        MigrationRegistry registry = new MigrationRegistry();
        // The next build, in which R__model_views.sql gained a column.
        RepeatableMigration changed = RepeatableMigration.builder("model_views", "db/archalo/R__model_views.sql")
                .checksum("example:model_views-with-parameters").steps(() -> ctx -> ctx.execute(
                        "CREATE OR REPLACE VIEW v_model_architecture AS SELECT m.model_id, m.name, m.architecture, m.status,"
                                + " count(c.component_id) AS component_count, max(c.layer_index) AS top_layer, m.parameter_count"
                                + " FROM models m LEFT JOIN model_components c ON c.model_id = m.model_id"
                                + " GROUP BY m.model_id, m.name, m.architecture, m.status, m.parameter_count"))
                .build();
        MigrationSource nextBuild = new MigrationSource() {
            @Override
            public List<MigrationDescriptor> migrations() {
                return registry.migrations();
            }

            @Override
            public List<RepeatableMigration> repeatables() {
                return List.of(changed, registry.repeatables().get(1));
            }
        };

        MigrationReport report = Migrator.configure(nextBuild, database.dataSource()).load().migrate();

        assertEquals(List.of(), report.applied());
        assertEquals(List.of("model_views"), report.repeatables().stream().map(ExecutedRepeatable::name).toList());
        assertEquals(List.of("parameter_count"), database.rows("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'v_model_architecture' AND column_name = 'parameter_count'"));
    }

    @CairnTest(databases = DatabaseKind.POSTGRESQL)
    void dryRun_showsEachFilesStatements_andLeavesTheDatabaseEmpty(TestDatabase database) {
        DryRunReport report = MigrationRegistry.migrator(database.dataSource()).dryRun();

        assertEquals(List.of("1", "2", "3", "4", "5"), versions(report.wouldApply()));
        // 6 builds its index CONCURRENTLY, outside any transaction, and 7 comes after it.
        assertEquals(List.of("6", "7"), report.notRun().stream().map(m -> m.version().toString()).toList());
        assertEquals("CREATE INDEX IF NOT EXISTS idx_models_status ON models(status)",
                report.wouldApply().get(0).statements().get(2));
        assertEquals(8, report.wouldApply().get(0).statements().size());
        assertTrue(report.toSqlScript().contains("\n-- 6 active models index: non-transactional, not tried in a dry run\n"),
                report.toSqlScript());
        assertEquals(List.of(), database.tables());
    }
}
