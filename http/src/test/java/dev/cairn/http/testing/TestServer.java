package dev.cairn.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.http.AccessTokens;
import dev.cairn.http.CairnHttpServer;
import dev.cairn.http.fixtures.MigrationRegistry;
import dev.cairn.runtime.Migrator;
import dev.cairn.test.DatabaseKind;
import dev.cairn.test.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A {@link CairnHttpServer} for one test: on any free port of 127.0.0.1, over a fresh SQLite file
 * or a fresh database on the embedded PostgreSQL, with the migrations of
 * {@code dev.cairn.http.fixtures} and the tokens {@value #READ_TOKEN} and {@value #WRITE_TOKEN};
 * and a client that speaks real HTTP to it. {@link #close()} waits for a run under way to end,
 * then stops the server and drops the database.
 *
 * <pre>{@code
 * try (TestServer server = TestServer.start(DatabaseKind.SQLITE)) {
 *     server.seedItems(500);                                   // a backfill of 5 batches, about half a second
 *     TestServer.Reply run = server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{}");
 *     server.awaitRun(run.json().path("id").asText());
 * }
 * }</pre>
 */
public final class TestServer implements AutoCloseable {

    public static final String READ_TOKEN = "read-secret";
    public static final String WRITE_TOKEN = "write-secret";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final TestDatabase database;
    private final Migrator migrator;
    private final CairnHttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TestServer(TestDatabase database, Migrator migrator, CairnHttpServer server) {
        this.database = database;
        this.migrator = migrator;
        this.server = server;
    }

    /** A server with the test tokens. */
    public static TestServer start(DatabaseKind kind) {
        return start(kind, builder -> builder);
    }

    /** A server with the test tokens and the options {@code options} adds or changes (it may replace the tokens). */
    public static TestServer start(DatabaseKind kind, UnaryOperator<CairnHttpServer.Builder> options) {
        return start(kind, migrator -> migrator, options);
    }

    /** A server over a migrator with the options {@code migratorOptions} sets, such as a migration timeout. */
    public static TestServer start(DatabaseKind kind, UnaryOperator<Migrator.Builder> migratorOptions,
            UnaryOperator<CairnHttpServer.Builder> options) {
        return over(kind, database -> migratorOptions.apply(Migrator.configure(new MigrationRegistry(), database.dataSource())).load(),
                options);
    }

    /** A server over the migrator {@code migrator} makes for the test's database, such as one configured by a URL. */
    public static TestServer over(DatabaseKind kind, Function<TestDatabase, Migrator> migrator,
            UnaryOperator<CairnHttpServer.Builder> options) {
        TestDatabase database = TestDatabase.create(kind);
        try {
            return start(database, migrator.apply(database), options);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static TestServer start(TestDatabase database, Migrator migrator, UnaryOperator<CairnHttpServer.Builder> options) {
        CairnHttpServer server = options.apply(CairnHttpServer.builder(migrator)
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .tokens(AccessTokens.of(READ_TOKEN, WRITE_TOKEN))).start();
        return new TestServer(database, migrator, server);
    }

    public CairnHttpServer server() {
        return server;
    }

    /** The server's migrator: for setting a test up and checking the database, beside the API. */
    public Migrator migrator() {
        return migrator;
    }

    public TestDatabase database() {
        return database;
    }

    public URI uri() {
        return server.uri();
    }

    /** {@code GET path}, with {@code Authorization: Bearer <token>} unless {@code token} is null. */
    public Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    /** {@code POST path} with {@code json} as its body (none if null). */
    public Reply post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Puts {@code rows} more rows into {@code items} (applying migration 1 first if it is not): each
     * 100 rows are one batch of the backfill, 100 ms long.
     */
    public void seedItems(int rows) {
        if (!database.tables().contains("items")) {
            migrator.apply("1");
        }
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            long next = nextId(connection);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO items (id, name) VALUES (?, ?)")) {
                for (long id = next; id < next + rows; id++) {
                    insert.setLong(1, id);
                    insert.setString(2, "item " + id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seed items on " + database + ": " + e.getMessage(), e);
        }
    }

    /** Polls the run until it ended (SUCCEEDED or FAILED), and returns its last answer. */
    public Reply awaitRun(String runId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Reply reply = get("/migrations/runs/" + runId, READ_TOKEN);
            String status = reply.json().path("status").asText();
            if (reply.status() != 200 || Set.of("SUCCEEDED", "FAILED").contains(status)) {
                return reply;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Run " + runId + " did not end within " + WAIT + ": " + reply.body());
            }
            pause(Duration.ofMillis(20));
        }
    }

    /** Waits for a run under way to end, stops the server, and drops the database. */
    @Override
    public void close() {
        try {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (runUnderWay() && System.nanoTime() < deadline) {
                pause(Duration.ofMillis(20));
            }
        } finally {
            server.close();
            database.close();
        }
    }

    /** Whether the server's runs (read from memory, not the database) hold one queued or running. */
    private boolean runUnderWay() {
        JsonNode runs = get("/migrations/runs", READ_TOKEN).json().path("runs");
        return runs.findValuesAsText("status").stream().anyMatch(status -> Set.of("QUEUED", "RUNNING").contains(status));
    }

    /** An answer: its status, headers, body, and the body as JSON (null if it is not JSON). */
    public record Reply(int status, HttpHeaders headers, String body, JsonNode json) {

        /** The error code of an error answer, such as {@code UNAUTHORIZED}. */
        public String errorCode() {
            return json.path("error").path("code").asText();
        }

        /** The error message of an error answer. */
        public String errorMessage() {
            return json.path("error").path("message").asText();
        }

        /** The versions of an array of objects with a {@code version}, such as a run's plan. */
        public static List<String> versions(JsonNode array) {
            return array.findValuesAsText("version");
        }
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path)).timeout(WAIT);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.startsWith("application/json") ? JSON.readTree(response.body()) : null;
            return new Reply(response.statusCode(), response.headers(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach " + server.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + server.uri(), e);
        }
    }

    private static long nextId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM items")) {
            max.next();
            return max.getLong(1);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
