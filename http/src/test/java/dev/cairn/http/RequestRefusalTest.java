package dev.cairn.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.http.testing.DatabaseState;
import dev.cairn.http.testing.TestServer;
import dev.cairn.http.testing.TestServer.Reply;
import dev.cairn.test.DatabaseKind;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Requests refused before anything runs, each with its status, code and message; the database stays as it was. */
class RequestRefusalTest {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aBodyOverTheLimitIs413AndIsNotRun(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind, builder -> builder.maxBodyBytes(1024))) {
            List<String> before = DatabaseState.of(server.database());
            String large = "{\"dry_run\": false, \"padding\": \"" + "x".repeat(2000) + "\"}";
            Reply refused = server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, large);
            assertEquals(413, refused.status(), refused.body());
            assertEquals("BODY_TOO_LARGE", refused.errorCode());
            assertEquals("The request body is larger than this server's limit of 1024 bytes. These endpoints take a small JSON"
                    + " object, such as {\"dry_run\": true}.", refused.errorMessage());
            assertEquals(before, DatabaseState.of(server.database()));
            assertEquals(0, server.get("/migrations/runs", TestServer.READ_TOKEN).json().path("runs").size());
        }
    }

    /** Sent in chunks, without a Content-Length to refuse it by: the server stops reading one byte past its limit. */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aChunkedBodyOverTheLimitIs413Too(DatabaseKind kind) throws Exception {
        try (TestServer server = TestServer.start(kind, builder -> builder.maxBodyBytes(1024))) {
            List<String> before = DatabaseState.of(server.database());
            byte[] large = ("{\"dry_run\": false, \"padding\": \"" + "x".repeat(4000) + "\"}").getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("/migrations/execute-all"))
                    .header("Authorization", "Bearer " + TestServer.WRITE_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("\"code\":\"BODY_TOO_LARGE\""), refused.body());
            assertEquals(before, DatabaseState.of(server.database()));
            assertEquals(0, server.get("/migrations/runs", TestServer.READ_TOKEN).json().path("runs").size());
        }
    }

    /** The runtime's own range, checked before the answer: a 400, not a run that fails. */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aBatchSizeTheRuntimeRefusesIs400AndIsNotRun(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            List<String> before = DatabaseState.of(server.database());
            Reply refused = server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{\"batch_size\": 2000000}");
            assertEquals(400, refused.status(), refused.body());
            assertEquals("INVALID_CONFIGURATION", refused.errorCode());
            assertEquals("Invalid Cairn configuration:\n  - dataBatchSize is 2000000; give between 1 and 1,000,000 rows per batch,"
                    + " such as 1000", refused.errorMessage());
            assertEquals(before, DatabaseState.of(server.database()));
            assertEquals(0, server.get("/migrations/runs", TestServer.READ_TOKEN).json().path("runs").size());
        }
    }

    /** The seed's CI posts {@code execute-all?migration_type=DATABASE_SCHEMA}: ignoring the filter would run the backfills too. */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aQueryOnAWriteIs400AndIsNotRun(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            List<String> before = DatabaseState.of(server.database());
            Reply refused = server.post("/migrations/execute-all?migration_type=DATABASE_SCHEMA&dry_run=true", TestServer.WRITE_TOKEN, "{}");
            assertEquals(400, refused.status(), refused.body());
            assertEquals("BAD_REQUEST", refused.errorCode());
            assertEquals("POST /migrations/execute-all takes no query parameters, and this one has migration_type, dry_run. Send its"
                    + " options in the JSON body, such as {\"dry_run\": true, \"batch_size\": 500}. Nothing was run.",
                    refused.errorMessage());
            assertEquals(before, DatabaseState.of(server.database()));
            assertEquals(0, server.get("/migrations/runs", TestServer.READ_TOKEN).json().path("runs").size());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aBadBodyIs400NamingWhatIsWrong(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            List<String> before = DatabaseState.of(server.database());
            assertBadRequest(server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{\"dry_run\": tru}"),
                    "The request body is not valid JSON: Unrecognized token 'tru': was expecting (JSON String, Number, Array,"
                            + " Object or token 'null', 'true' or 'false') (line 1, column 17).");
            assertBadRequest(server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{\"dryrun\": true}"),
                    "Unknown field \"dryrun\" in the body of POST /migrations/execute-all: it takes dry_run and batch_size.");
            assertBadRequest(server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{\"dry_run\": \"yes\"}"),
                    "Field \"dry_run\" must be true or false; got \"yes\".");
            assertBadRequest(server.post("/migrations/execute/4", TestServer.WRITE_TOKEN, "{\"batch_size\": 0}"),
                    "Field \"batch_size\" must be a whole number of rows of at least 1, or null for each data migration's own"
                            + " batch size; got 0.");
            assertBadRequest(server.post("/migrations/execute/4", TestServer.WRITE_TOKEN, "{\"batch_size\": 2.5}"),
                    "Field \"batch_size\" must be a whole number of rows of at least 1, or null for each data migration's own"
                            + " batch size; got 2.5.");
            assertBadRequest(server.post("/migrations/rollback/1", TestServer.WRITE_TOKEN, "{\"batch_size\": 10}"),
                    "Unknown field \"batch_size\" in the body of POST /migrations/rollback/{version}: it takes dry_run.");
            assertBadRequest(server.post("/migrations/validate/1", TestServer.WRITE_TOKEN, "{\"dry_run\": true}"),
                    "Unknown field \"dry_run\" in the body of POST /migrations/validate/{version}: it takes no field.");
            assertBadRequest(server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "[true]"),
                    "The request body must be a JSON object, such as {} or {\"dry_run\": ...}; got array.");
            assertBadRequest(server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{\"dry_run\": true, \"dry_run\": false}"),
                    "The request body is not valid JSON: Duplicate field 'dry_run' (line 1, column 28).");
            assertBadRequest(server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{} {}"),
                    "The request body goes on after its JSON value (line 1, column 5): send one JSON object.");
            assertEquals(before, DatabaseState.of(server.database()));
            assertEquals(0, server.get("/migrations/runs", TestServer.READ_TOKEN).json().path("runs").size());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anUnknownVersionIs404NotInBuild(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().migrate("1");
            List<String> before = DatabaseState.of(server.database());
            String notInBuild = "Version 9 is not a migration of this build (nearest: 6). Check the version, or use a build that"
                    + " contains it.";
            for (Reply reply : List.of(server.get("/migrations/9", TestServer.READ_TOKEN),
                    server.get("/migrations/progress/9", TestServer.READ_TOKEN),
                    server.post("/migrations/execute/9", TestServer.WRITE_TOKEN, "{}"),
                    server.post("/migrations/rollback/9", TestServer.WRITE_TOKEN, "{}"),
                    server.post("/migrations/validate/9", TestServer.WRITE_TOKEN, null))) {
                assertEquals(404, reply.status(), reply.body());
                assertEquals("NOT_IN_BUILD", reply.errorCode());
                assertEquals(notInBuild, reply.errorMessage());
            }
            Reply notAVersion = server.post("/migrations/execute/v4", TestServer.WRITE_TOKEN, "{}");
            assertEquals(404, notAVersion.status());
            assertEquals("NOT_IN_BUILD", notAVersion.errorCode());
            assertTrue(notAVersion.errorMessage().startsWith("\"v4\" is not a migration version: "), notAVersion.errorMessage());
            assertTrue(notAVersion.errorMessage().endsWith(". Nothing was changed."), notAVersion.errorMessage());
            assertEquals(before, DatabaseState.of(server.database()));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anUnknownPathIs404AndAWrongMethod405WithAllow(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            List<String> before = DatabaseState.of(server.database());
            Reply unknown = server.get("/migrations/status/extra", TestServer.READ_TOKEN);
            assertEquals(404, unknown.status());
            assertEquals("NOT_FOUND", unknown.errorCode());
            assertEquals("Nothing is at /migrations/status/extra. The API's endpoints are under /migrations (such as GET"
                    + " /migrations/status); the console is at /.", unknown.errorMessage());

            Reply get = server.get("/migrations/execute-all", TestServer.WRITE_TOKEN);
            assertEquals(405, get.status());
            assertEquals("METHOD_NOT_ALLOWED", get.errorCode());
            assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
            assertEquals("/migrations/execute-all does not take GET; it takes POST.", get.errorMessage());

            Reply post = server.post("/migrations/status", TestServer.WRITE_TOKEN, "{}");
            assertEquals(405, post.status());
            assertEquals("GET", post.headers().firstValue("Allow").orElseThrow());
            Reply postOne = server.post("/migrations/4", TestServer.WRITE_TOKEN, "{}");
            assertEquals(405, postOne.status());
            assertEquals("GET", postOne.headers().firstValue("Allow").orElseThrow());
            assertEquals(before, DatabaseState.of(server.database()));
        }
    }

    private static void assertBadRequest(Reply reply, String message) {
        assertEquals(400, reply.status(), reply.body());
        assertEquals("BAD_REQUEST", reply.errorCode());
        assertEquals(message, reply.errorMessage());
    }
}
