package dev.cairn.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.http.testing.TestServer;
import dev.cairn.http.testing.TestServer.Reply;
import dev.cairn.test.DatabaseKind;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A backfill watched while it runs, and what is known of it after. */
class ProgressTest {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theProgressOfARunningBackfillGrowsBetweenTwoPollsWithItsRateAndTimeLeft(DatabaseKind kind) throws InterruptedException {
        try (TestServer server = TestServer.start(kind)) {
            server.seedItems(1500);
            String id = server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{}").json().path("id").asText();

            JsonNode first = pollUntil(server, p -> p.path("running").asBoolean() && p.path("done").asLong() > 0);
            Thread.sleep(600);
            JsonNode second = server.get("/migrations/progress/4", TestServer.READ_TOKEN).json();
            assertTrue(second.path("running").asBoolean(), second.toString());
            assertTrue(second.path("done").asLong() > first.path("done").asLong(), first + " then " + second);
            assertEquals(id, second.path("runId").asText());
            assertEquals("RUNNING", second.path("state").asText());
            assertEquals(1500, second.path("total").asLong(), second.toString());
            assertTrue(second.path("ratePerSecond").asDouble() > 0, second.toString());
            assertTrue(second.path("etaSeconds").isNumber(), second.toString());
            assertTrue(second.path("percent").asDouble() > 0 && second.path("percent").asDouble() < 100, second.toString());
            assertTrue(second.path("batch").asLong() >= 1, second.toString());

            Reply running = server.get("/migrations/running", TestServer.READ_TOKEN);
            JsonNode run = running.json().path("runs").get(0);
            assertEquals(id, run.path("id").asText(), running.body());
            assertEquals("RUNNING", run.path("status").asText());
            assertEquals("4", run.path("current").path("version").asText(), run.toString());
            assertTrue(run.path("current").path("progress").path("done").asLong() > 0, run.toString());

            assertEquals("SUCCEEDED", server.awaitRun(id).json().path("status").asText());
            JsonNode after = server.get("/migrations/progress/4", TestServer.READ_TOKEN).json();
            assertFalse(after.path("running").asBoolean(), after.toString());
            assertEquals("APPLIED", after.path("state").asText());
            assertEquals(1500, after.path("done").asLong());
            assertEquals(100.0, after.path("percent").asDouble());
            assertEquals(id, after.path("runId").asText());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aBackfillStoppedPartWayShowsTheRowsTheDatabaseRecordsAsDone(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind, migrator -> migrator.migrationTimeout(Duration.ofMillis(450)), options -> options)) {
            server.seedItems(2000);
            String id = server.post("/migrations/execute/4", TestServer.WRITE_TOKEN, "{}").json().path("id").asText();
            JsonNode run = server.awaitRun(id).json();
            assertEquals("FAILED", run.path("status").asText(), run.toString());

            JsonNode stopped = server.get("/migrations/progress/4", TestServer.READ_TOKEN).json();
            assertFalse(stopped.path("running").asBoolean(), stopped.toString());
            assertEquals("IN_PROGRESS", stopped.path("state").asText(), stopped.toString());
            long done = stopped.path("done").asLong();
            assertTrue(done > 0 && done < 2000 && done % 100 == 0, stopped.toString());
            assertEquals(2000, stopped.path("total").asLong(), stopped.toString());
            assertTrue(stopped.path("runId").isNull(), stopped.toString());
            JsonNode inProgress = server.get("/migrations/running", TestServer.READ_TOKEN).json().path("inProgress");
            assertEquals("4", inProgress.get(0).path("version").asText(), inProgress.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void onlyDataMigrationsHaveProgress(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            Reply refused = server.get("/migrations/progress/1", TestServer.READ_TOKEN);
            assertEquals(404, refused.status());
            assertEquals("NOT_FOUND", refused.errorCode());
            assertEquals("Migration 1 \"Create items\" (dev.cairn.http.fixtures.CreateItems) is not a data migration, so it reports no"
                    + " progress. GET /migrations/1 shows its state.", refused.errorMessage());
            JsonNode pending = server.get("/migrations/progress/4", TestServer.READ_TOKEN).json();
            assertEquals("PENDING", pending.path("state").asText());
            assertEquals(0, pending.path("done").asLong());
            assertTrue(pending.path("total").isNull(), pending.toString());
        }
    }

    private static JsonNode pollUntil(TestServer server, java.util.function.Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode progress = server.get("/migrations/progress/4", TestServer.READ_TOKEN).json();
            if (condition.test(progress)) {
                return progress;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("The backfill's progress never showed");
    }
}
