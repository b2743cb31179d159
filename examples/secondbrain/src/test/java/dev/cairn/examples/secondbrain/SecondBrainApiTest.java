package dev.cairn.examples.secondbrain;

import static dev.cairn.examples.secondbrain.MigrationsApi.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.test.CairnTest;
import dev.cairn.test.DatabaseKind;
import dev.cairn.test.MigrationTester;
import dev.cairn.test.Schema;
import dev.cairn.test.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Seed 004's workflow over real HTTP on PostgreSQL: what its CI posts and polls, and what the
 * database holds after each call.
 */
class SecondBrainApiTest {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

    private static List<String> field(JsonNode array, String name) {
        return StreamSupport.stream(array.spliterator(), false).map(item -> item.path(name).asText()).toList();
    }

    private static List<String> history(TestDatabase database) {
        return database.rows("SELECT version FROM cairn_history ORDER BY version");
    }

    /** Starts a run and waits for its end. */
    private static JsonNode run(MigrationsApi ci, String path, String body) throws Exception {
        JsonNode started = expect(ci.post(path, body), 202);
        return ci.awaitRun(started.path("id").asText(), RUN_TIMEOUT);
    }

    @CairnTest(databases = DatabaseKind.POSTGRESQL)
    void executeAll_asADryRun_showsThePlan_andChangesNothing(TestDatabase database) throws Exception {
        MigrationTester tester = SecondBrainMigrationsTest.memories(database, 500);
        Schema schema = tester.schema();
        List<String> memories = database.rows("SELECT id, metadata FROM memories ORDER BY id");
        try (ApiServer api = ApiServer.over(database)) {
            MigrationsApi.Answer answer = api.ci().post("/migrations/execute-all", "{\"dry_run\": true}");

            JsonNode started = expect(answer, 202);
            assertTrue(started.path("dryRun").asBoolean(), started.toString());
            assertEquals(List.of("2", "3", "4"), field(started.path("plan"), "version"));
            assertEquals(List.of("pending", "pending", "pending"), field(started.path("plan"), "reason"));
            assertEquals(answer.headers().firstValue("Location").orElseThrow(), started.path("links").path("self").asText());
            assertEquals("SUCCEEDED", api.ci().awaitRun(started.path("id").asText(), RUN_TIMEOUT).path("status").asText());

            assertEquals(List.of("1"), history(database));
            assertEquals(schema, tester.schema());
            assertEquals(memories, database.rows("SELECT id, metadata FROM memories ORDER BY id"));
            assertEquals(List.of("2", "3", "4"), field(expect(api.reader().get("/migrations/pending"), 200).path("pending"), "version"));
        }
    }

    @CairnTest(databases = DatabaseKind.POSTGRESQL)
    void executingTheEnrichmentAlone_appliesTheMigrationsItNeeds_explainsWhy_andNothingElse(TestDatabase database) throws Exception {
        try (ApiServer api = ApiServer.over(database)) {
            JsonNode started = expect(api.ci().post("/migrations/execute/4", "{}"), 202);

            assertEquals(List.of("1", "2", "4"), field(started.path("plan"), "version"));
            assertEquals(List.of("prerequisite of 2", "prerequisite of 4", "requested"), field(started.path("plan"), "reason"));
            JsonNode ended = api.ci().awaitRun(started.path("id").asText(), RUN_TIMEOUT);
            assertEquals("SUCCEEDED", ended.path("status").asText(), ended.toString());
            assertEquals(List.of("1", "2", "4"), field(ended.path("completed"), "version"));

            assertEquals(List.of("1", "2", "4"), history(database));
            assertFalse(database.tables().contains("user_preferences"));
            // Older than the newest applied migration, user preferences will run out of order, which Cairn allows.
            assertEquals("OUT_OF_ORDER", expect(api.reader().get("/migrations/3"), 200).path("state").asText());
        }
    }

    @CairnTest(databases = DatabaseKind.POSTGRESQL)
    void theBackfillsProgress_risesWhileItRuns_andEveryMemoryEndsWithASentiment(TestDatabase database) throws Exception {
        // Enough rows for a few seconds at 100 a batch: the engine reports progress every 250 ms.
        MigrationTester tester = SecondBrainMigrationsTest.memories(database, 30_000);
        tester.migrator().migrate("2");
        try (ApiServer api = ApiServer.over(database)) {
            JsonNode started = expect(api.ci().post("/migrations/execute/4", "{\"batch_size\": 100}"), 202);
            assertEquals(100, started.path("batchSize").asInt());

            List<Long> seen = new ArrayList<>();
            JsonNode run = started;
            while (!MigrationsApi.ended(run)) {
                JsonNode progress = expect(api.reader().get("/migrations/progress/4"), 200);
                if (progress.path("running").asBoolean() && progress.path("done").asLong() > 0) {
                    assertEquals(30_000, progress.path("total").asLong(), progress.toString());
                    assertTrue(progress.path("batch").asLong() > 0 && progress.path("ratePerSecond").asDouble() > 0, progress.toString());
                    seen.add(progress.path("done").asLong());
                }
                run = expect(api.reader().get("/migrations/runs/" + started.path("id").asText()), 200);
            }

            assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
            assertTrue(seen.stream().distinct().count() >= 3, "progress seen while running: " + seen);
            assertEquals(seen.stream().sorted().toList(), seen, "progress went back: " + seen);
            assertEquals(List.of("4|30000"), StreamSupport.stream(run.path("completed").spliterator(), false)
                    .map(step -> step.path("version").asText() + "|" + step.path("rows").asLong()).toList());
            assertEquals(List.of("0"), database.rows("SELECT COUNT(*) FROM memories WHERE metadata -> 'sentiment' IS NULL"));
            JsonNode after = expect(api.reader().get("/migrations/progress/4"), 200);
            assertFalse(after.path("running").asBoolean());
            assertEquals("APPLIED", after.path("state").asText());
        }
    }

    @CairnTest(databases = DatabaseKind.POSTGRESQL)
    void rollingBackTheEnrichment_removesTheSentimentsItWrote_only_andLeavesClassifyApplied(TestDatabase database) throws Exception {
        SecondBrainMigrationsTest.memories(database, 1_000);
        database.execute("INSERT INTO memories (content, metadata) VALUES ('Rated by the model', '{\"sentiment\": {\"score\": 0.1}}')");
        List<String> metadataBefore = database.rows("SELECT metadata FROM memories ORDER BY id");
        try (ApiServer api = ApiServer.over(database)) {
            assertEquals("SUCCEEDED", run(api.ci(), "/migrations/execute-all", "{}").path("status").asText());

            JsonNode started = expect(api.ci().post("/migrations/rollback/4", "{}"), 202);

            assertEquals(List.of("4"), field(started.path("plan"), "version"));
            assertEquals(List.of("requested"), field(started.path("plan"), "reason"));
            assertEquals("SUCCEEDED", api.ci().awaitRun(started.path("id").asText(), RUN_TIMEOUT).path("status").asText());
            assertEquals(List.of("Rated by the model"), database.rows("SELECT content FROM memories WHERE metadata -> 'sentiment' IS NOT NULL"));
            assertEquals(metadataBefore, database.rows("SELECT metadata FROM memories ORDER BY id"));
            assertEquals(List.of("1", "2", "3"), history(database));
            assertEquals("APPLIED", expect(api.reader().get("/migrations/2"), 200).path("state").asText());
            assertEquals("PENDING", expect(api.reader().get("/migrations/4"), 200).path("state").asText());
        }
    }

    @CairnTest(databases = DatabaseKind.POSTGRESQL)
    void executingUserPreferences_createsTheSeedsTable_whoseDefaultsFillARowWithOnlyAUser(TestDatabase database) throws Exception {
        try (ApiServer api = ApiServer.over(database)) {
            JsonNode ended = run(api.ci(), "/migrations/execute/3", "{}");

            assertEquals(List.of("3"), field(ended.path("completed"), "version"));
        }
        assertEquals(List.of("3"), history(database));
        assertEquals(List.of(
                "id|uuid|NO|gen_random_uuid()",
                "user_id|uuid|NO|null",
                "theme|character varying|YES|'gruvbox_light'::character varying",
                "notifications_enabled|boolean|YES|true",
                "created_at|timestamp without time zone|YES|CURRENT_TIMESTAMP",
                "updated_at|timestamp without time zone|YES|CURRENT_TIMESTAMP"),
                database.rows("SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns"
                        + " WHERE table_name = 'user_preferences' ORDER BY ordinal_position"));
        assertEquals(List.of("CREATE INDEX idx_user_preferences_user_id ON public.user_preferences USING btree (user_id)"),
                database.rows("SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_user_preferences_user_id'"));

        database.execute("INSERT INTO user_preferences (user_id) VALUES ('8d3c2a4e-0b1f-4c55-9e0a-6f1e2d3c4b5a')");

        assertEquals(List.of("uuid|gruvbox_light|true|true"), database.rows("SELECT pg_typeof(id), theme, notifications_enabled,"
                + " created_at IS NOT NULL AND created_at = updated_at FROM user_preferences WHERE id <> user_id"));
    }

    @CairnTest(databases = DatabaseKind.POSTGRESQL)
    void classify_onAMemoryTypeAddedByHand_failsItsPrecondition_andChangesNothing(TestDatabase database) throws Exception {
        MigrationTester tester = SecondBrainMigrationsTest.memories(database, 200);
        database.execute("ALTER TABLE memories ADD COLUMN memory_type TEXT DEFAULT 'journal'");
        Schema schema = tester.schema();
        List<String> memories = database.rows("SELECT id, memory_type, metadata FROM memories ORDER BY id");
        try (ApiServer api = ApiServer.over(database)) {
            JsonNode failed = run(api.ci(), "/migrations/execute/2", "{}");

            assertEquals("FAILED", failed.path("status").asText(), failed.toString());
            assertEquals("CONDITION_FAILED", failed.path("error").path("code").asText());
            String message = failed.path("error").path("message").asText();
            assertTrue(message.contains("2 \"Classify memory types\"") && message.contains("memories.memory_type is missing")
                    && message.contains("changed by hand"), message);
            assertEquals(List.of("1"), history(database));
            assertEquals(schema, tester.schema());
            assertEquals(memories, database.rows("SELECT id, memory_type, metadata FROM memories ORDER BY id"));
            assertEquals("FAILED", expect(api.reader().get("/migrations/2"), 200).path("state").asText());
        }
    }

    @CairnTest(databases = DatabaseKind.POSTGRESQL)
    void aRunStoppedByABadMemory_failsNamingIt_keepsItsCommittedBatches_andResumesThereOnceItIsFixed(TestDatabase database)
            throws Exception {
        MigrationTester tester = SecondBrainMigrationsTest.memories(database, 3_000);
        tester.migrator().migrate("2");
        String bad = database.rows("SELECT id FROM memories ORDER BY id OFFSET 2050 LIMIT 1").get(0);
        database.execute("UPDATE memories SET metadata = '[\"imported\"]' WHERE id = CAST(? AS uuid)", bad);
        String enriched = "SELECT id, metadata -> 'sentiment' ->> 'analyzed_at' FROM memories WHERE metadata -> 'sentiment' IS NOT NULL ORDER BY id";
        try (ApiServer api = ApiServer.over(database)) {
            JsonNode failed = run(api.ci(), "/migrations/execute/4", "{\"batch_size\": 100}");

            assertEquals("FAILED", failed.path("status").asText(), failed.toString());
            String message = failed.path("error").path("message").asText();
            assertTrue(message.contains("4 \"Add sentiment analysis to memories\"") && message.contains(bad)
                    && message.contains("not an object"), message);
            // Twenty batches of 100 committed; the one holding the bad memory rolled back whole.
            List<String> done = database.rows(enriched);
            assertEquals(2_000, done.size());
            assertTrue(done.get(done.size() - 1).compareTo(bad) < 0, done.get(done.size() - 1) + " is after " + bad);
            assertEquals(List.of("[\"imported\"]"), database.rows("SELECT metadata FROM memories WHERE id = CAST(? AS uuid)", bad));
            assertEquals(List.of("1", "2"), history(database));
            assertEquals("IN_PROGRESS", expect(api.reader().get("/migrations/4"), 200).path("state").asText());
            JsonNode progress = expect(api.reader().get("/migrations/progress/4"), 200);
            assertEquals(List.of("false", "2000", "IN_PROGRESS"), List.of(progress.path("running").asText(),
                    progress.path("done").asText(), progress.path("state").asText()));

            database.execute("UPDATE memories SET metadata = '{\"tags\": [\"imported\"]}' WHERE id = CAST(? AS uuid)", bad);
            JsonNode resumed = run(api.ci(), "/migrations/execute/4", "{\"batch_size\": 100}");

            assertEquals("SUCCEEDED", resumed.path("status").asText(), resumed.toString());
            assertEquals(List.of("1000"), field(resumed.path("completed"), "rows"));
            List<String> all = database.rows(enriched);
            assertEquals(3_000, all.size());
            // The rows of the first run kept the sentiment it wrote: none was analyzed again.
            assertTrue(all.containsAll(done), "a row done before the failure was done again");
            assertEquals(List.of("1", "2", "4"), history(database));
        }
    }
}
