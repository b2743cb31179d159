package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.examples.codetune.MigrationRegistry;
import dev.cairn.test.DatabaseKind;
import dev.cairn.test.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code cairn serve} through the built command: the API it serves, its tokens, and its refusals. */
@Timeout(120) // a serve that never prints its line would otherwise hang the build in readLine
class ServeIT {

    private static final String CODETUNE = CairnProcess.classpathOf(MigrationRegistry.class);
    private static final Pattern SERVING = Pattern.compile("Cairn console on (http://127\\.0\\.0\\.1:\\d+/) for (\\S+) \\((.*)\\)\\. Stop with Ctrl-C\\.");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void serve_answersWithTheTokens_andRunsAMigrateAskedOverHttp(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)"); // an application's database, before its first migrate
            Path writeToken = Files.writeString(directory.resolve("write.token"), "write-secret-from-file\n");
            CairnProcess cairn = new CairnProcess(directory).env("CAIRN_URL", db.jdbcUrl()).env("CAIRN_CLASSPATH", CODETUNE)
                    .env("CAIRN_HTTP_READ_TOKEN", "read-secret-from-env");
            Path err = directory.resolve("serve.err");
            Process serve = cairn.start(err, "serve", "--bind", "127.0.0.1:0", "--write-token-file", writeToken.toString());
            try {
                Matcher line = servingLine(serve, err);
                assertEquals(MigrationRegistry.class.getName(), line.group(2));
                assertEquals("read token from CAIRN_HTTP_READ_TOKEN, write token from " + writeToken, line.group(3));
                URI base = URI.create(line.group(1));

                assertEquals(401, send(base, "GET", "migrations/status", null).statusCode());
                HttpResponse<String> status = send(base, "GET", "migrations/status", "read-secret-from-env");
                assertEquals(200, status.statusCode(), status.body());
                assertEquals(8, JSON.readTree(status.body()).get("pending").asInt());
                assertEquals(403, send(base, "POST", "migrations/execute-all", "read-secret-from-env").statusCode());

                HttpResponse<String> started = send(base, "POST", "migrations/execute-all", "write-secret-from-file");
                assertEquals(202, started.statusCode(), started.body());
                JsonNode run = awaitEnd(base, JSON.readTree(started.body()).get("links").get("self").asText(), "read-secret-from-env");
                assertEquals("SUCCEEDED", run.get("status").asText(), run.toString());
                assertEquals(8, run.get("completed").size());
                assertEquals(List.of("8"), db.rows("SELECT COUNT(*) FROM cairn_history"));
            } finally {
                serve.destroy();
                assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
            }
            String stderr = Files.readString(err);
            assertFalse(stderr.contains("secret"), stderr);
            assertFalse(stderr.contains("Exception"), stderr);
        }
    }

    @Test
    void serve_withoutAnyToken_refusesToStart_unlessLocal() throws Exception {
        Path database = directory.resolve("app.db");
        CairnProcess cairn = new CairnProcess(directory).env("CAIRN_URL", "jdbc:sqlite:" + database).env("CAIRN_CLASSPATH", CODETUNE);
        CairnProcess.Run refused = cairn.run("serve", "--bind", "127.0.0.1:0").exits(ExitCode.FAILURE);
        assertTrue(refused.err().contains("The Cairn HTTP server was not started: no access token is configured"), refused.err());
        assertTrue(refused.err().contains("set CAIRN_HTTP_READ_TOKEN and CAIRN_HTTP_WRITE_TOKEN"), refused.err());
        CairnProcess.Run wide = cairn.run("serve", "--local", "--bind", "0.0.0.0:0").exits(ExitCode.FAILURE);
        assertTrue(wide.err().contains("loopback"), wide.err());
        assertFalse(Files.exists(database), "a refused serve created the database");

        Files.createFile(database); // an empty file is an empty SQLite database: the application's, before its first migrate

        Path err = directory.resolve("serve.err");
        Process serve = cairn.start(err, "serve", "--local", "--bind", "127.0.0.1:0");
        try {
            Matcher line = servingLine(serve, err);
            assertEquals("no token: unauthenticated, this machine only", line.group(3));
            URI base = URI.create(line.group(1));
            HttpResponse<String> started = send(base, "POST", "migrations/execute-all", null);
            assertEquals(202, started.statusCode(), started.body());
            assertEquals("SUCCEEDED", awaitEnd(base, JSON.readTree(started.body()).get("links").get("self").asText(), null)
                    .get("status").asText());
            HttpResponse<String> pending = send(base, "GET", "migrations/pending", null);
            assertEquals(200, pending.statusCode(), pending.body());
            assertEquals(0, JSON.readTree(pending.body()).get("pending").size());
        } finally {
            serve.destroy();
            assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        }
    }

    @Test
    void serve_withABadAddress_isAUsageError() {
        CairnProcess.Run run = new CairnProcess(directory).env("CAIRN_URL", "jdbc:sqlite:" + directory.resolve("app.db"))
                .env("CAIRN_CLASSPATH", CODETUNE).run("serve", "--local", "--bind", "localhost:99999").exits(ExitCode.USAGE);
        assertTrue(run.err().contains("--bind is \"localhost:99999\", which is not HOST:PORT"), run.err());
    }

    /** The line serve prints once it listens; fails with its standard error if it ends first. */
    private static Matcher servingLine(Process serve, Path err) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) {
            throw new AssertionError("serve ended without serving: " + Files.readString(err));
        }
        Matcher serving = SERVING.matcher(line);
        assertTrue(serving.matches(), line);
        return serving;
    }

    private static HttpResponse<String> send(URI base, String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (method.equals("POST")) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode awaitEnd(URI base, String runPath, String token) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode run = JSON.readTree(send(base, "GET", runPath.substring(1), token).body());
            String status = run.get("status").asText();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(runPath + " did not end within 60 s");
    }
}
