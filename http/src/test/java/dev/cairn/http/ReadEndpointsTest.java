package dev.cairn.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.http.testing.TestServer;
import dev.cairn.http.testing.TestServer.Reply;
import dev.cairn.test.DatabaseKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReadEndpointsTest {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void statusListsEveryMigrationWithWhatTheBuildAndTheDatabaseSay(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().migrate("2");
            Reply reply = server.get("/migrations/status", TestServer.READ_TOKEN);
            assertEquals(200, reply.status(), reply.body());
            JsonNode status = reply.json();
            assertFalse(status.path("upToDate").asBoolean());
            assertEquals(2, status.path("applied").asInt());
            assertEquals(4, status.path("pending").asInt());
            assertEquals(List.of("1", "2", "3", "4", "5", "6"), Reply.versions(status.path("migrations")));
            assertEquals(List.of("6"), List.of(status.path("heads").get(0).asText()));
            JsonNode backfill = status.path("migrations").get(3);
            assertEquals("data", backfill.path("kind").asText());
            assertEquals("PENDING", backfill.path("state").asText());
            assertEquals(List.of("2"), List.of(backfill.path("dependsOn").get(0).asText()));
            assertEquals(2, backfill.path("layer").asInt());
            JsonNode first = status.path("migrations").get(0);
            assertEquals("java", first.path("kind").asText());
            assertEquals("APPLIED", first.path("state").asText());
            assertTrue(first.path("executionMs").isIntegralNumber(), first.toString());
            assertTrue(first.path("installedOn").asText().endsWith("Z"), first.toString());
            assertTrue(status.path("warnings").isEmpty(), status.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void pendingListsWhatAMigrateWouldApplyInPlanOrder(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().migrate("3");
            JsonNode pending = server.get("/migrations/pending", TestServer.READ_TOKEN).json();
            assertEquals(server.migrator().status().database(), pending.path("database").asText());
            assertEquals(List.of("4", "5", "6"), Reply.versions(pending.path("pending")));
            assertFalse(pending.path("pending").get(1).path("reversible").asBoolean());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void historyIsTheAuditLogOldestFirst(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().migrate("2");
            server.migrator().rollback("2");
            JsonNode entries = server.get("/migrations/history", TestServer.READ_TOKEN).json().path("entries");
            assertEquals(List.of("1", "2", "2"), Reply.versions(entries));
            assertEquals(List.of("APPLY", "APPLY", "ROLLBACK"), entries.findValuesAsText("action"));
            JsonNode first = entries.get(0);
            assertTrue(first.path("id").isIntegralNumber() && first.path("executionMs").isIntegralNumber(), first.toString());
            assertTrue(first.path("checksum").asText().startsWith("src1:"), first.toString());
            assertEquals("Create items", first.path("description").asText());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void oneMigrationIsFoundByItsVersionAndAVersionOnlyTheDatabaseKnowsIsUnknown(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().migrate("1");
            JsonNode one = server.get("/migrations/1", TestServer.READ_TOKEN).json();
            assertEquals("Create items", one.path("description").asText());
            assertEquals("APPLIED", one.path("state").asText());
            assertTrue(one.path("reversible").asBoolean() && one.path("transactional").asBoolean(), one.toString());
            assertEquals(0, one.path("layer").asInt());

            server.database().execute("INSERT INTO cairn_history (version, description, checksum, installed_on, installed_by,"
                    + " execution_ms) SELECT '7', 'Added by a newer build', checksum, installed_on, 'ops', 5 FROM cairn_history"
                    + " WHERE version = '1'");
            JsonNode unknown = server.get("/migrations/7", TestServer.READ_TOKEN).json();
            assertEquals("UNKNOWN", unknown.path("state").asText(), unknown.toString());
            assertEquals("ops", unknown.path("installedBy").asText());
            assertTrue(unknown.path("kind").isNull() && unknown.path("layer").isNull() && unknown.path("checksum").isNull(),
                    unknown.toString());
            JsonNode warnings = server.get("/migrations/status", TestServer.READ_TOKEN).json().path("warnings");
            assertTrue(warnings.get(0).asText().startsWith("7 \"Added by a newer build\" is applied but unknown to this build: "),
                    warnings.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theGraphHasEveryMigrationAnEdgeFromEachPrerequisiteAndTheHeads(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().migrate("1");
            JsonNode graph = server.get("/migrations/graph", TestServer.READ_TOKEN).json();
            assertEquals(List.of("1", "2", "3", "4", "5", "6"), Reply.versions(graph.path("nodes")));
            assertEquals(List.of("APPLIED", "PENDING", "PENDING", "PENDING", "PENDING", "PENDING"),
                    graph.path("nodes").findValuesAsText("state"));
            List<String> edges = new ArrayList<>();
            graph.path("edges").forEach(e -> edges.add(e.path("from").asText() + "->" + e.path("to").asText()));
            assertEquals(List.of("1->2", "1->3", "2->4", "3->5", "4->5", "5->6"), edges);
            assertEquals("[\"6\"]", graph.path("heads").toString());
            assertEquals(List.of(0, 1, 1, 2, 3, 4), graph.path("nodes").findValues("layer").stream().map(JsonNode::asInt).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theActuatorShapeIsSpringBootsFlywayEndpoint(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().migrate("2");
            JsonNode migrations = server.get("/actuator/flyway", TestServer.READ_TOKEN).json()
                    .path("contexts").path("application").path("flywayBeans").path("cairn").path("migrations");
            assertEquals(6, migrations.size(), migrations.toString());
            JsonNode first = migrations.get(0);
            assertEquals("JDBC", first.path("type").asText());
            assertEquals("SUCCESS", first.path("state").asText());
            assertEquals("1", first.path("version").asText());
            assertEquals("dev.cairn.http.fixtures.CreateItems", first.path("script").asText());
            assertEquals(1, first.path("installedRank").asInt());
            assertTrue(first.path("checksum").isInt() && first.path("executionTime").isInt(), first.toString());
            assertTrue(first.path("installedOn").asText().endsWith("Z"), first.toString());
            assertEquals(2, migrations.get(1).path("installedRank").asInt());
            JsonNode pending = migrations.get(2);
            assertEquals("PENDING", pending.path("state").asText());
            assertTrue(pending.path("installedRank").isNull() && pending.path("installedOn").isNull(), pending.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void runsAreKeptNewestFirstAndFoundByTheirId(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            assertEquals("{\"runs\":[],\"inProgress\":[]}", server.get("/migrations/running", TestServer.READ_TOKEN).body());
            String first = server.post("/migrations/execute/1", TestServer.WRITE_TOKEN, "{}").json().path("id").asText();
            server.awaitRun(first);
            String second = server.post("/migrations/execute/1", TestServer.WRITE_TOKEN, "{}").json().path("id").asText();
            assertEquals(List.of(second, first), server.get("/migrations/runs", TestServer.READ_TOKEN).json().path("runs")
                    .findValuesAsText("id"));
            JsonNode run = server.get("/migrations/runs/" + first, TestServer.READ_TOKEN).json();
            assertEquals("/migrations/runs/" + first, run.path("links").path("self").asText());
            assertTrue(run.path("endedAt").asText().endsWith("Z"), run.toString());
            Reply missing = server.get("/migrations/runs/r-99", TestServer.READ_TOKEN);
            assertEquals(404, missing.status());
            assertEquals("This server has no run r-99: it keeps the last 50 runs since it started. GET /migrations/runs lists them.",
                    missing.errorMessage());
        }
    }
}
