package dev.cairn.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.http.testing.DatabaseState;
import dev.cairn.http.testing.TestServer;
import dev.cairn.http.testing.TestServer.Reply;
import dev.cairn.test.DatabaseKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every API endpoint needs a token; the read token only reads; nothing runs for a refused request. */
class AuthenticationTest {

    private static final String UNAUTHORIZED = "{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"A valid bearer token is required.\"}}";
    private static final List<String> READ_PATHS = List.of("/migrations/status", "/migrations/pending", "/migrations/history",
            "/migrations/1", "/migrations/progress/4", "/migrations/running", "/migrations/runs", "/migrations/graph",
            "/actuator/flyway");
    private static final List<String> WRITE_PATHS = List.of("/migrations/execute/4", "/migrations/execute-all",
            "/migrations/rollback/1", "/migrations/validate/3");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aMissingOrWrongTokenGetsTheSame401WithNothingLeaked(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().migrate("1");
            List<String> before = DatabaseState.of(server.database());
            for (String token : new String[] {null, "wrong", "read-secre", TestServer.WRITE_TOKEN + "x", ""}) {
                for (String path : READ_PATHS) {
                    assertUnauthorized(server.get(path, token));
                }
                for (String path : WRITE_PATHS) {
                    assertUnauthorized(server.post(path, token, "{}"));
                }
            }
            assertEquals(before, DatabaseState.of(server.database()));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theReadTokenReadsButMayNotWrite(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().migrate("1");
            List<String> before = DatabaseState.of(server.database());
            for (String path : READ_PATHS) {
                assertEquals(200, server.get(path, TestServer.READ_TOKEN).status(), path);
                assertEquals(200, server.get(path, TestServer.WRITE_TOKEN).status(), path);
            }
            for (String path : WRITE_PATHS) {
                Reply refused = server.post(path, TestServer.READ_TOKEN, "{}");
                assertEquals(403, refused.status(), path);
                assertEquals("FORBIDDEN", refused.errorCode());
                assertEquals("This token may only read; write endpoints need the write token.", refused.errorMessage());
            }
            assertEquals(before, DatabaseState.of(server.database()));
            assertEquals(0, server.get("/migrations/runs", TestServer.READ_TOKEN).json().path("runs").size());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aServerWithOnlyAReadTokenIsReadOnly(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind, builder -> builder.tokens(AccessTokens.of(TestServer.READ_TOKEN, null)))) {
            List<String> before = DatabaseState.of(server.database());
            assertEquals(200, server.get("/migrations/status", TestServer.READ_TOKEN).status());
            Reply refused = server.post("/migrations/execute-all", TestServer.READ_TOKEN, "{}");
            assertEquals(403, refused.status());
            assertEquals("READ_ONLY_SERVER", refused.errorCode());
            assertEquals("This server has no write token, so it only reads. To run migrations through it, start it with a write"
                    + " token (CAIRN_HTTP_WRITE_TOKEN or a write token file).", refused.errorMessage());
            assertUnauthorized(server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{}"));
            assertEquals(before, DatabaseState.of(server.database()));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theHealthCheckNeedsNoTokenAndTellsNothing(DatabaseKind kind) {
        try (TestServer server = TestServer.start(kind)) {
            Reply health = server.get("/healthz", null);
            assertEquals(200, health.status());
            assertEquals("{\"status\":\"UP\"}", health.body());
        }
    }

    private static void assertUnauthorized(Reply reply) {
        assertEquals(401, reply.status(), reply.body());
        assertEquals(UNAUTHORIZED, reply.body());
        assertEquals("Bearer", reply.headers().firstValue("WWW-Authenticate").orElseThrow());
    }
}
