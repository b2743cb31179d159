package dev.cairn.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.http.fixtures.MigrationRegistry;
import dev.cairn.http.testing.DatabaseState;
import dev.cairn.http.testing.LogCapture;
import dev.cairn.http.testing.TestServer;
import dev.cairn.http.testing.TestServer.Reply;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.Migrator;
import dev.cairn.test.DatabaseKind;
import dev.cairn.test.TestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** What start() refuses, and the unauthenticated loopback server. */
class StartupTest {

    private static final String NO_TOKEN = "no access token is configured, so anyone who reaches 127.0.0.1:0 could run migrations."
            + " Give a read and a write token: set CAIRN_HTTP_READ_TOKEN and CAIRN_HTTP_WRITE_TOKEN (AccessTokens.fromEnvironment()),"
            + " or put each on the first line of a file (AccessTokens.fromFiles(readFile, writeFile); cairn serve --read-token-file F"
            + " --write-token-file F). For local use only, allowUnauthenticatedLoopback() (cairn serve --local) serves without a"
            + " token on a loopback address";

    @Test
    void aServerWithoutATokenDoesNotStart() {
        MigrationException refused = assertThrows(MigrationException.class, () -> TestServer.start(DatabaseKind.SQLITE,
                StartupTest::noTokens));
        assertEquals(ErrorCode.INVALID_CONFIGURATION, refused.code());
        assertEquals("The Cairn HTTP server was not started: " + NO_TOKEN + ".", refused.getMessage());
    }

    @Test
    void aServerGivenNoTokensAtAllDoesNotStartEither() {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.SQLITE)) {
            Migrator migrator = Migrator.configure(new MigrationRegistry(), database.dataSource()).load();
            MigrationException refused = assertThrows(MigrationException.class, () -> CairnHttpServer.builder(migrator)
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).start());
            assertEquals("The Cairn HTTP server was not started: " + NO_TOKEN + ".", refused.getMessage());
        }
    }

    @Test
    void withoutATokenOnLoopbackOnRequestEveryEndpointIsOpenAndTheLogSaysSo() {
        try (LogCapture log = LogCapture.of(CairnHttpServer.LOGGER_NAME);
                TestServer server = TestServer.start(DatabaseKind.SQLITE, builder -> noTokens(builder).allowUnauthenticatedLoopback())) {
            assertEquals(200, server.get("/migrations/status", null).status());
            Reply run = server.post("/migrations/execute-all", null, "{}");
            assertEquals(202, run.status(), run.body());
            assertEquals("SUCCEEDED", server.awaitRun(run.json().path("id").asText()).json().path("status").asText());
            List<String> warnings = log.messages(Level.WARNING);
            assertEquals(List.of("Cairn HTTP API on " + server.uri() + " serves WITHOUT a token (allowUnauthenticatedLoopback):"
                    + " anyone on this machine can run migrations on " + server.migrator().configuration().database() + "."), warnings);
        }
    }

    @Test
    void withoutATokenOnlyThisMachinesOwnPagesAndProgramsAreAnswered() throws Exception {
        try (TestServer server = TestServer.start(DatabaseKind.SQLITE, builder -> noTokens(builder).allowUnauthenticatedLoopback())) {
            List<String> before = DatabaseState.of(server.database());
            HttpClient client = HttpClient.newHttpClient();
            URI executeAll = server.uri().resolve("/migrations/execute-all");

            HttpResponse<String> otherSite = client.send(HttpRequest.newBuilder(executeAll).header("Origin", "https://evil.example")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, otherSite.statusCode(), otherSite.body());
            assertTrue(otherSite.body().contains("this request comes from https://evil.example"), otherSite.body());
            HttpResponse<String> form = client.send(HttpRequest.newBuilder(executeAll).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(415, form.statusCode(), form.body());
            assertTrue(rawGet(server, "/migrations/status", "rebound.example:" + server.server().port())
                    .startsWith("HTTP/1.1 403"), "a request under another host name (DNS rebinding) is refused");
            assertTrue(rawGet(server, "/migrations/status", "localhost:" + server.server().port()).startsWith("HTTP/1.1 200"));

            assertEquals(before, DatabaseState.of(server.database()));
            assertEquals(0, server.get("/migrations/runs", null).json().path("runs").size(), "nothing was started");
            HttpResponse<String> own = client.send(HttpRequest.newBuilder(executeAll).header("Origin", server.uri().toString()
                    .replaceAll("/$", "")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, own.statusCode(), "the console's own page posts: " + own.body());
        }
    }

    /** The status line and headers of a GET sent with {@code host} as its Host header, which HttpClient does not let a test set. */
    private static String rawGet(TestServer server, String path, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.server().port())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void withoutATokenANonLoopbackAddressIsRefusedEvenOnRequest() {
        MigrationException refused = assertThrows(MigrationException.class, () -> TestServer.start(DatabaseKind.SQLITE,
                builder -> noTokens(builder).bind(new InetSocketAddress("0.0.0.0", 0)).allowUnauthenticatedLoopback()));
        assertEquals(ErrorCode.INVALID_CONFIGURATION, refused.code());
        assertEquals("The Cairn HTTP server was not started: allowUnauthenticatedLoopback() serves without a token only on a"
                + " loopback address, and 0.0.0.0:0 is not one: anyone who reaches it could run migrations. Bind 127.0.0.1 (or"
                + " ::1), or give the server a read and a write token.", refused.getMessage());
    }

    @Test
    void tokensAreRequiredWhenGivenEvenWithUnauthenticatedLoopback() {
        try (TestServer server = TestServer.start(DatabaseKind.SQLITE, builder -> builder.allowUnauthenticatedLoopback())) {
            assertEquals(401, server.get("/migrations/status", null).status());
            assertEquals(200, server.get("/migrations/status", TestServer.READ_TOKEN).status());
        }
    }

    @Test
    void everyBadOptionIsNamedAtOnce() {
        MigrationException refused = assertThrows(MigrationException.class,
                () -> TestServer.start(DatabaseKind.SQLITE, builder -> noTokens(builder).maxBodyBytes(0)));
        assertEquals("The Cairn HTTP server was not started: " + NO_TOKEN + "; maxBodyBytes(0) must be at least 1 byte (default"
                + " 64 KiB).", refused.getMessage());
    }

    @Test
    void aPortInUseIsRefusedNamingIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort());
            MigrationException refused = assertThrows(MigrationException.class,
                    () -> TestServer.start(DatabaseKind.SQLITE, builder -> builder.bind(address)));
            assertEquals(ErrorCode.INVALID_CONFIGURATION, refused.code());
            assertTrue(refused.getMessage().startsWith("Cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "), refused.getMessage());
            assertTrue(refused.getMessage().endsWith(". Choose another address or port (port 0 takes any free one)."), refused.getMessage());
        }
    }

    /** The test server's builder, as if no tokens had been given. */
    private static CairnHttpServer.Builder noTokens(CairnHttpServer.Builder builder) {
        return builder.tokens(AccessTokens.of(null, null));
    }
}
