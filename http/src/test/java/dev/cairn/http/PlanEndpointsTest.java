package dev.cairn.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.http.testing.DatabaseState;
import dev.cairn.http.testing.TestServer;
import dev.cairn.http.testing.TestServer.Reply;
import dev.cairn.test.DatabaseKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code GET /migrations/plan/...}: what an execute or a rollback would do, with the reasons and
 * the refusal the write endpoints give, read with the read token and changing nothing.
 */
class PlanEndpointsTest {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theExecutePlans_areTheRunsPlans_andChangeNothing(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().apply("1");
            List<String> before = DatabaseState.of(server.database());

            Reply one = server.get("/migrations/plan/execute/5", TestServer.READ_TOKEN);
            assertEquals(200, one.status(), one.body());
            assertEquals("execute", one.json().path("operation").asText());
            assertEquals("5", one.json().path("target").asText());
            assertEquals(List.of("2: prerequisite of 4", "3: prerequisite of 5", "4: prerequisite of 5", "5: requested"),
                    lines(one.json()));
            assertTrue(one.json().path("refused").isNull());
            Reply all = server.get("/migrations/plan/execute-all", TestServer.READ_TOKEN);
            assertEquals(List.of("2: pending", "3: pending", "4: pending", "5: pending", "6: pending"), lines(all.json()));
            assertEquals(List.of(), lines(server.get("/migrations/plan/execute/1", TestServer.READ_TOKEN).json()),
                    "an applied migration: nothing to do");

            assertEquals(before, DatabaseState.of(server.database()));
            assertEquals(0, server.get("/migrations/runs", TestServer.READ_TOKEN).json().path("runs").size());
            Reply started = server.post("/migrations/execute/5", TestServer.WRITE_TOKEN, "{}");
            assertEquals(lines(one.json()), lines(started.json()), "the run follows the plan it was shown");
            server.awaitRun(started.json().path("id").asText());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRollbackPlanAcrossAnIrreversibleMigration_carriesTheRefusalTheRollbackGets(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().migrate();
            List<String> before = DatabaseState.of(server.database());

            Reply plan = server.get("/migrations/plan/rollback/3", TestServer.READ_TOKEN);
            assertEquals(200, plan.status(), plan.body());
            assertEquals(List.of("6: depends on 5", "5: depends on 3", "3: requested"), lines(plan.json()));
            JsonNode refused = plan.json().path("refused");
            Reply rollback = server.post("/migrations/rollback/3", TestServer.WRITE_TOKEN, "{}");
            assertEquals(409, rollback.status());
            assertEquals("IRREVERSIBLE", refused.path("code").asText());
            assertEquals(rollback.errorMessage(), refused.path("message").asText());
            assertEquals(List.of("6: requested"), lines(server.get("/migrations/plan/rollback/6", TestServer.READ_TOKEN).json()));
            assertTrue(server.get("/migrations/plan/rollback/6", TestServer.READ_TOKEN).json().path("refused").isNull());

            assertEquals(before, DatabaseState.of(server.database()));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void planRefusals_nameTheProblem(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            Reply notApplied = server.get("/migrations/plan/rollback/2", TestServer.READ_TOKEN);
            assertEquals(404, notApplied.status(), notApplied.body());
            assertEquals("NOT_APPLIED", notApplied.errorCode());
            assertTrue(notApplied.errorMessage().startsWith("Cannot roll back migration 2 \"Add items.category\""),
                    notApplied.errorMessage());
            Reply unknown = server.get("/migrations/plan/execute/9", TestServer.READ_TOKEN);
            assertEquals(404, unknown.status());
            assertEquals("NOT_IN_BUILD", unknown.errorCode());
            assertEquals(401, server.get("/migrations/plan/execute-all", null).status());
        }
    }

    /** The plan of an answer, one "version: reason" a migration. */
    private static List<String> lines(JsonNode answer) {
        List<String> lines = new ArrayList<>();
        answer.path("plan").forEach(item -> lines.add(item.path("version").asText() + ": " + item.path("reason").asText()));
        return lines;
    }
}
