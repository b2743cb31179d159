package dev.cairn.examples.codetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cairn.test.CairnTest;
import dev.cairn.test.MigrationTester;
import dev.cairn.test.RoundTripReport;
import dev.cairn.test.TestDatabase;
import java.util.List;

/** The codetune migrations checked with the test kit on SQLite and PostgreSQL; the CLI's tests run them end to end. */
class CodetuneMigrationsTest {

    @CairnTest
    void everyMigration_goesUpDownAndUpAgainToTheSameSchema(TestDatabase database) {
        RoundTripReport report = MigrationTester.of(new MigrationRegistry(), database).assertRoundTrips();

        assertEquals(List.of("1", "2", "3", "4", "4.1", "5", "6", "7"),
                report.checked().stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of(), report.skipped());
    }

    @CairnTest
    void processRank_isAddedAndDroppedAgain_asTheSeedsDowngradeDoes(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(new MigrationRegistry(), database);
        tester.migrateToJustBefore("3");
        tester.apply("3");
        database.execute("INSERT INTO training_config (model_type, dataset_name, batch_size, learning_rate, epochs, max_seq_length,"
                + " warmup_steps) VALUES ('gpt2', 'code-search-net', 8, 0.0001, 3, 512, 100)");
        database.execute("INSERT INTO training_metric (config_id, epoch, step, train_loss, eval_loss, process_rank)"
                + " SELECT id, 1, 10, 0.5, 0.75, 2 FROM training_config");
        assertEquals(List.of("2"), database.rows("SELECT process_rank FROM training_metric"));

        tester.migrator().rollback("3");

        assertEquals(List.of("1"), database.rows("SELECT COUNT(*) FROM training_metric"));
        assertFalse(database.queryForList("SELECT * FROM training_metric").get(0).keySet().stream()
                .anyMatch(column -> column.equalsIgnoreCase("process_rank")), "process_rank is dropped, the rows kept");
    }

    @CairnTest
    void theMerge_showsTheLatestMetricOfEachConfig_andTheBackfill_fillsTheLossGap(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(new MigrationRegistry(), database);
        tester.migrateToJustBefore("7");
        database.execute("INSERT INTO training_config (id, model_type, dataset_name, batch_size, learning_rate, epochs, max_seq_length,"
                + " warmup_steps, owner) VALUES (1, 'gpt2', 'code-search-net', 8, 0.0001, 3, 512, 100, 'ada')");
        database.execute("INSERT INTO training_metric (config_id, epoch, step, train_loss, eval_loss) VALUES (1, 1, 10, 0.5, 0.75),"
                + " (1, 1, 20, 0.25, 0.5)");

        tester.apply("7");

        assertEquals(List.of("ada|20|0.25"), database.rows("SELECT owner, step, train_loss FROM latest_training_metric"));
        assertEquals(List.of("0.25", "0.25"), database.rows("SELECT loss_gap FROM training_metric ORDER BY step"));
    }
}
