package dev.cairn.examples.secondbrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.data.ExecutedDataMigration;
import dev.cairn.test.CairnTest;
import dev.cairn.test.DatabaseKind;
import dev.cairn.test.MigrationTester;
import dev.cairn.test.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Seed 004's migrations on PostgreSQL, through the runtime: the schema they build and the rows they change. */
class SecondBrainMigrationsTest {

    /** Memories as the system held them before classify: migration 1 applied, then the notes inserted. */
    static MigrationTester memories(TestDatabase database, int count) throws SQLException {
        MigrationTester tester = MigrationTester.of(new MigrationRegistry(), database);
        tester.migrateToJustBefore("2");
        try (Connection connection = database.dataSource().getConnection()) {
            SampleMemories.insert(connection, count);
        }
        return tester;
    }

    @CairnTest(databases = DatabaseKind.POSTGRESQL)
    void classify_typesEachMemoryFromItsContent_firstRuleFirst(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(new MigrationRegistry(), database);
        tester.migrateToJustBefore("2");
        for (String content : List.of("How to brew coffee: grind, then pour", "Release checklist, step 2: tag it",
                "Yesterday I learned how to juggle", "Last week the build broke", "Water boils at 100 degrees",
                "Footstep 5 of the dance is a spin")) {
            database.execute("INSERT INTO memories (content) VALUES (?)", content);
        }

        tester.apply("2");

        assertEquals(List.of(
                "Footstep 5 of the dance is a spin|semantic",
                "How to brew coffee: grind, then pour|procedural",
                "Last week the build broke|episodic",
                "Release checklist, step 2: tag it|procedural",
                "Water boils at 100 degrees|semantic",
                "Yesterday I learned how to juggle|episodic"),
                database.rows("SELECT content, memory_type FROM memories ORDER BY content"));
    }

    @CairnTest(databases = DatabaseKind.POSTGRESQL)
    void enrich_givesEveryMemoryTheSentimentOfItsContent_andKeepsOneAMemoryHad(TestDatabase database) throws SQLException {
        MigrationTester tester = memories(database, 2_500);
        database.execute("INSERT INTO memories (content, metadata) VALUES ('Rated by the model',"
                + " '{\"sentiment\": {\"score\": 0.1, \"magnitude\": 0.2}}')");
        tester.migrator().migrate("2");

        MigrationReport report = tester.apply("4");

        ExecutedDataMigration enrich = (ExecutedDataMigration) report.applied().get(0);
        assertEquals(2_500, enrich.rowsProcessed());
        assertEquals(3, enrich.batches());
        assertEquals(List.of("0"), database.rows("SELECT COUNT(*) FROM memories WHERE metadata -> 'sentiment' IS NULL"));
        assertEquals(List.of("{\"score\": 0.1, \"magnitude\": 0.2}"),
                database.rows("SELECT metadata ->> 'sentiment' FROM memories WHERE content = 'Rated by the model'"));
        for (String row : database.rows("SELECT content, metadata -> 'sentiment' ->> 'score', metadata -> 'sentiment' ->> 'magnitude',"
                + " metadata -> 'sentiment' ->> 'analyzer' FROM memories WHERE content <> 'Rated by the model' ORDER BY id LIMIT 50")) {
            String[] values = row.split("\\|");
            Sentiment expected = Sentiment.of(values[0]);
            assertEquals(expected.score() + "|" + expected.magnitude() + "|" + EnrichMemoriesWithSentiment.ANALYZER,
                    values[1] + "|" + values[2] + "|" + values[3], values[0]);
        }
        // The metadata a memory had stays beside its sentiment.
        assertTrue(Integer.parseInt(database.rows("SELECT COUNT(*) FROM memories WHERE metadata ->> 'source' = 'chat'"
                + " AND metadata -> 'tags' = '[\"work\"]' AND metadata -> 'sentiment' IS NOT NULL").get(0)) > 100);
    }

    @CairnTest(databases = DatabaseKind.POSTGRESQL)
    void everyMigration_goesUpDownAndUpAgainToTheSameSchema(TestDatabase database) {
        assertEquals(4, MigrationTester.of(new MigrationRegistry(), database).assertRoundTrips().checked().size());
    }
}
