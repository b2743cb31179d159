package dev.cairn.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.http.testing.DatabaseState;
import dev.cairn.http.testing.TestServer;
import dev.cairn.http.testing.TestServer.Reply;
import dev.cairn.runtime.MigrationState;
import dev.cairn.runtime.MigrationStatus;
import dev.cairn.test.DatabaseKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExecuteTest {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void executeAllRunsEveryPendingMigrationAndAnswersAtOnceWithTheRunToPoll(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.seedItems(250);
            Reply started = server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{}");
            assertEquals(202, started.status(), started.body());
            String id = started.json().path("id").asText();
            assertEquals("/migrations/runs/" + id, started.headers().firstValue("Location").orElseThrow());
            assertEquals(List.of("2", "3", "4", "5", "6"), Reply.versions(started.json().path("plan")));
            assertEquals(List.of("pending"), started.json().path("plan").findValuesAsText("reason").stream().distinct().toList());

            Reply ended = server.awaitRun(id);
            JsonNode run = ended.json();
            assertEquals("SUCCEEDED", run.path("status").asText(), ended.body());
            assertEquals(List.of("2", "3", "4", "5", "6"), Reply.versions(run.path("completed")));
            JsonNode backfill = run.path("completed").get(2);
            assertEquals(250, backfill.path("rows").asLong());
            assertEquals(3, backfill.path("batches").asLong());
            assertTrue(run.path("summary").asText().startsWith("Applied 5 migrations to "), run.toString());
            assertTrue(server.migrator().status().migrations().stream().allMatch(m -> m.state() == MigrationState.APPLIED));
            assertEquals(List.of("0"), server.database().rows("SELECT COUNT(*) FROM items WHERE category IS NULL"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void executeOneAppliesThePendingMigrationsItNeedsAndSaysWhy(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            Reply started = server.post("/migrations/execute/5", TestServer.WRITE_TOKEN, null);
            assertEquals(202, started.status(), started.body());
            assertEquals(List.of("1", "2", "3", "4", "5"), Reply.versions(started.json().path("plan")));
            assertEquals(List.of("prerequisite of 2 and 3", "prerequisite of 4", "prerequisite of 5", "prerequisite of 5", "requested"),
                    started.json().path("plan").findValuesAsText("reason"));
            assertEquals("execute", started.json().path("operation").asText());
            assertEquals("5", started.json().path("target").asText());

            JsonNode run = server.awaitRun(started.json().path("id").asText()).json();
            assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
            assertEquals(List.of("1", "2", "3", "4", "5"), Reply.versions(run.path("completed")));
            assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.APPLIED,
                    MigrationState.APPLIED, MigrationState.PENDING), states(server));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void executeOneLeavesAPendingMigrationItDoesNotNeed(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().migrate("1");
            Reply started = server.post("/migrations/execute/4", TestServer.WRITE_TOKEN, "{}");
            assertEquals(List.of("2", "4"), Reply.versions(started.json().path("plan")));
            assertEquals(List.of("prerequisite of 4", "requested"), started.json().path("plan").findValuesAsText("reason"));
            assertEquals("SUCCEEDED", server.awaitRun(started.json().path("id").asText()).json().path("status").asText());
            assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.OUT_OF_ORDER, MigrationState.APPLIED,
                    MigrationState.PENDING, MigrationState.PENDING), states(server));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void executingAnAppliedMigrationIsARunThatEndedWithNothingToDo(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().migrate("1");
            List<String> before = DatabaseState.of(server.database());
            Reply reply = server.post("/migrations/execute/1", TestServer.WRITE_TOKEN, "{}");
            assertEquals(200, reply.status(), reply.body());
            assertEquals("SUCCEEDED", reply.json().path("status").asText());
            assertTrue(reply.json().path("plan").isEmpty());
            assertEquals("Migration 1 \"Create items\" (dev.cairn.http.fixtures.CreateItems) is already applied to "
                    + server.migrator().status().database() + ": nothing to do.", reply.json().path("summary").asText());
            assertEquals(before, DatabaseState.of(server.database()));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDryRunRunsInATransactionRolledBackAndChangesNothing(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.seedItems(150);
            List<String> before = DatabaseState.of(server.database());
            Reply one = server.post("/migrations/execute/4", TestServer.WRITE_TOKEN, "{\"dry_run\": true}");
            assertEquals(202, one.status(), one.body());
            assertTrue(one.json().path("dryRun").asBoolean());
            JsonNode run = server.awaitRun(one.json().path("id").asText()).json();
            assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
            assertEquals(List.of("2", "4"), Reply.versions(run.path("completed")));
            assertTrue(run.path("summary").asText().startsWith("A migrate would apply 2 migrations to "), run.toString());

            Reply all = server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{\"dry_run\": true}");
            JsonNode allRun = server.awaitRun(all.json().path("id").asText()).json();
            assertEquals("SUCCEEDED", allRun.path("status").asText(), allRun.toString());
            assertEquals(List.of("2", "3", "4", "5", "6"), Reply.versions(allRun.path("completed")));
            assertEquals(before, DatabaseState.of(server.database()));
            assertEquals(List.of("0"), server.database().rows("SELECT COUNT(*) FROM items WHERE name IS NULL"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void batchSizeOverridesTheDataMigrationsOwnBatches(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.seedItems(300);
            Reply small = server.post("/migrations/execute/4", TestServer.WRITE_TOKEN, "{\"batch_size\": 50}");
            assertEquals(50, small.json().path("batchSize").asInt());
            JsonNode smallRun = server.awaitRun(small.json().path("id").asText()).json();
            assertEquals("SUCCEEDED", smallRun.path("status").asText(), smallRun.toString());
            assertEquals(6, backfill(smallRun).path("batches").asLong(), smallRun.toString());
            assertEquals(300, backfill(smallRun).path("rows").asLong());

            Reply rollback = server.post("/migrations/rollback/4", TestServer.WRITE_TOKEN, "{}");
            assertEquals("SUCCEEDED", server.awaitRun(rollback.json().path("id").asText()).json().path("status").asText());
            Reply own = server.post("/migrations/execute/4", TestServer.WRITE_TOKEN, "{\"batch_size\": null}");
            assertTrue(own.json().path("batchSize").isNull());
            JsonNode ownRun = server.awaitRun(own.json().path("id").asText()).json();
            assertEquals(3, backfill(ownRun).path("batches").asLong(), ownRun.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aFailedMigrationEndsTheRunFailedAndTheOnesBeforeItStayApplied(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.seedItems(10);
            server.database().execute("CREATE TABLE items_name (id INTEGER)");
            Reply started = server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{}");
            assertEquals(202, started.status(), started.body());
            JsonNode run = server.awaitRun(started.json().path("id").asText()).json();
            assertEquals("FAILED", run.path("status").asText(), run.toString());
            assertEquals("MIGRATION_FAILED", run.path("error").path("code").asText());
            String message = run.path("error").path("message").asText();
            assertTrue(message.startsWith("Migration 6 \"Index items.name\" (dev.cairn.http.fixtures.IndexItemsName) failed, and its"
                    + " transaction was rolled back"), message);
            assertTrue(message.contains("CREATE INDEX items_name ON items (name)"), message);
            assertTrue(run.path("summary").isNull());
            assertEquals(List.of("2", "3", "4", "5"), Reply.versions(run.path("completed")));
            assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.APPLIED,
                    MigrationState.APPLIED, MigrationState.FAILED), states(server));
            JsonNode warnings = server.get("/migrations/status", TestServer.READ_TOKEN).json().path("warnings");
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).asText().startsWith("6 \"Index items.name\" failed: "), warnings.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aSecondRunWhileOneRunsIsRefusedAndNeverRuns(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.seedItems(1000);
            Reply first = server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{}");
            assertEquals(202, first.status(), first.body());
            String id = first.json().path("id").asText();
            for (Reply second : List.of(server.post("/migrations/execute/4", TestServer.WRITE_TOKEN, "{}"),
                    server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{}"),
                    server.post("/migrations/rollback/1", TestServer.WRITE_TOKEN, "{\"dry_run\": true}"))) {
                assertEquals(409, second.status(), second.body());
                assertEquals("RUN_IN_PROGRESS", second.errorCode());
                assertEquals("Run " + id + " (execute-all) is running since " + first.json().path("startedAt").asText() + "; poll /migrations/runs/"
                        + id + " and try again when it ended.", second.errorMessage());
            }
            assertEquals("SUCCEEDED", server.awaitRun(id).json().path("status").asText());
            assertEquals(List.of("1"), server.database().rows("SELECT COUNT(*) FROM cairn_log WHERE version = '4' AND action = 'APPLY'"));
            assertEquals(1, server.get("/migrations/runs", TestServer.READ_TOKEN).json().path("runs").size());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void requestsRacingForARunStartExactlyOne(DatabaseKind kind) throws Exception {
        try (TestServer server = TestServer.start(kind)) {
            server.seedItems(300);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                List<Future<Reply>> replies = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    replies.add(clients.submit(() -> server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{}")));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Reply> reply : replies) {
                    statuses.add(reply.get().status());
                }
                assertEquals(List.of(202, 409, 409, 409), statuses.stream().sorted().toList());
            } finally {
                clients.shutdown();
            }
            List<String> runs = server.get("/migrations/runs", TestServer.READ_TOKEN).json().path("runs").findValuesAsText("id");
            assertEquals(1, runs.size(), runs.toString());
            assertEquals("SUCCEEDED", server.awaitRun(runs.get(0)).json().path("status").asText());
            assertEquals(List.of("1"), server.database().rows("SELECT COUNT(*) FROM cairn_log WHERE version = '4' AND action = 'APPLY'"));
        }
    }

    private static JsonNode backfill(JsonNode run) {
        for (JsonNode done : run.path("completed")) {
            if (done.path("version").asText().equals("4")) {
                return done;
            }
        }
        throw new AssertionError("The run did not complete migration 4: " + run);
    }

    private static List<MigrationState> states(TestServer server) {
        return server.migrator().status().migrations().stream().map(MigrationStatus::state).toList();
    }
}
