package dev.cairn.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.http.testing.LogCapture;
import dev.cairn.http.testing.TestServer;
import dev.cairn.test.DatabaseKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** No token reaches a log line, whatever the requests: good, wrong, refused, failed. */
class TokenLoggingTest {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void noLogLineHoldsAToken(DatabaseKind kind) {
        List<String> lines;
        String id;
        try (LogCapture log = LogCapture.of("dev.cairn")) {
            try (TestServer server = TestServer.start(kind)) {
                server.get("/migrations/status", "guess-" + TestServer.WRITE_TOKEN);
                server.post("/migrations/execute-all", TestServer.READ_TOKEN, "{\"token\": \"" + TestServer.WRITE_TOKEN + "\"}");
                server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{\"dry_run\": \"" + TestServer.WRITE_TOKEN + "\"}");
                server.database().execute("CREATE TABLE items_name (id INTEGER)");
                id = server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{}").json().path("id").asText();
                assertEquals("FAILED", server.awaitRun(id).json().path("status").asText());
            }
            lines = log.formatted();
        }
        assertTrue(lines.stream().anyMatch(line -> line.contains("Run " + id + " (execute-all) started on ")), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.contains("Run " + id + " (execute-all) failed in ")), lines.toString());
        for (String line : lines) {
            assertFalse(line.contains(TestServer.READ_TOKEN) || line.contains(TestServer.WRITE_TOKEN), line);
        }
    }
}
