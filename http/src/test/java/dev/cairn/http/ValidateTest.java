package dev.cairn.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.http.testing.DatabaseState;
import dev.cairn.http.testing.TestServer;
import dev.cairn.http.testing.TestServer.Reply;
import dev.cairn.test.DatabaseKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Validate-only: a migration's problems and conditions, and nothing changed. */
class ValidateTest {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aPendingMigrationWhosePreconditionsHoldIsValid(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().migrate("1");
            List<String> before = DatabaseState.of(server.database());
            Reply reply = server.post("/migrations/validate/3", TestServer.WRITE_TOKEN, null);
            assertEquals(200, reply.status(), reply.body());
            JsonNode json = reply.json();
            assertEquals("3", json.path("version").asText());
            assertTrue(json.path("valid").asBoolean(), json.toString());
            assertTrue(json.path("problems").isEmpty());
            JsonNode conditions = json.path("conditions");
            assertEquals("PASSED", conditions.path("outcome").asText());
            assertEquals("table tags is missing", conditions.path("preconditions").get(0).path("name").asText(), conditions.toString());
            assertTrue(conditions.path("preconditions").get(0).path("passed").asBoolean());
            assertTrue(conditions.path("postconditions").isEmpty());
            assertEquals(before, DatabaseState.of(server.database()));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aFailedPreconditionMakesItInvalidNamingWhatWasFound(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().migrate("1");
            server.database().execute("CREATE TABLE tags (id INTEGER)");
            List<String> before = DatabaseState.of(server.database());
            JsonNode json = server.post("/migrations/validate/3", TestServer.WRITE_TOKEN, "{}").json();
            assertFalse(json.path("valid").asBoolean(), json.toString());
            assertEquals("CONDITION_FAILED", json.path("problems").get(0).path("code").asText());
            assertTrue(json.path("problems").get(0).path("message").asText().contains("table tags is missing"), json.toString());
            JsonNode check = json.path("conditions").path("preconditions").get(0);
            assertFalse(check.path("passed").asBoolean());
            assertTrue(check.path("detail").asText().startsWith("expected "), check.toString());
            assertEquals("FAILED", json.path("conditions").path("outcome").asText());
            assertEquals(before, DatabaseState.of(server.database()));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anAppliedMigrationIsJudgedByItsPostconditions(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.seedItems(20);
            server.migrator().migrate("4");
            JsonNode json = server.post("/migrations/validate/4", TestServer.WRITE_TOKEN, "{}").json();
            assertTrue(json.path("valid").asBoolean(), json.toString());
            assertEquals("every item has a category", json.path("conditions").path("postconditions").get(0).path("name").asText(),
                    json.toString());
            assertTrue(json.path("conditions").path("preconditions").isEmpty());

            server.database().execute("UPDATE items SET category = NULL WHERE id = 3");
            JsonNode broken = server.post("/migrations/validate/4", TestServer.WRITE_TOKEN, "{}").json();
            assertFalse(broken.path("valid").asBoolean(), broken.toString());
            assertEquals("CONDITION_FAILED", broken.path("problems").get(0).path("code").asText());
        }
    }
}
