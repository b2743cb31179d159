package dev.cairn.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.http.fixtures.MigrationRegistry;
import dev.cairn.http.testing.TestServer;
import dev.cairn.http.testing.TestServer.Reply;
import dev.cairn.runtime.Migrator;
import dev.cairn.test.DatabaseKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server over a SQLite file that does not exist yet, as on a new machine: the runtime refuses to
 * read one (so that a mistyped path creates nothing), and the server shows every migration pending
 * and lets execute-all create it.
 */
class NewDatabaseTest {

    @Test
    void aSqliteFileNotCreatedYet_showsEverythingPending_andExecuteAllCreatesIt() {
        try (TestServer server = TestServer.over(DatabaseKind.SQLITE,
                database -> Migrator.configure(new MigrationRegistry(), database.jdbcUrl()).load(), options -> options)) {
            Path file = Path.of(server.database().jdbcUrl().substring("jdbc:sqlite:".length()));

            Reply status = server.get("/migrations/status", TestServer.READ_TOKEN);
            assertEquals(200, status.status(), status.body());
            assertEquals(6, status.json().path("pending").asInt());
            assertEquals(List.of("PENDING"), status.json().path("migrations").findValuesAsText("state").stream().distinct().toList());
            assertEquals("The database jdbc:sqlite:" + file + " does not exist yet: execute-all creates it. If that is not"
                    + " the database you meant, fix the server's database URL.", status.json().path("warnings").get(0).asText());
            Reply history = server.get("/migrations/history", TestServer.READ_TOKEN);
            assertEquals(200, history.status(), history.body());
            assertEquals(0, history.json().path("entries").size());
            assertFalse(Files.exists(file), "reading created the database");

            Reply started = server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{}");
            assertEquals(202, started.status(), started.body());
            assertEquals(List.of("1", "2", "3", "4", "5", "6"), Reply.versions(started.json().path("plan")));
            JsonNode run = server.awaitRun(started.json().path("id").asText()).json();
            assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
            assertTrue(Files.exists(file));
            assertTrue(server.get("/migrations/status", TestServer.READ_TOKEN).json().path("upToDate").asBoolean());
        }
    }
}
