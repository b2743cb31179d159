package dev.cairn.examples.secondbrain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The Cairn HTTP API as the seed's CI calls it: a bearer token, JSON in and out. The demo drives
 * its migrations through it, and the tests check them through it, over real HTTP.
 */
final class MigrationsApi {

    /** One answer of the API: its status, headers and JSON body. */
    record Answer(int status, HttpHeaders headers, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(50);

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String token;

    /**
     * @param base the server's address, such as {@code http://127.0.0.1:8080/}
     * @param token the bearer token sent with every request
     */
    MigrationsApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** {@code GET path}, such as {@code /migrations/pending}. */
    Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** {@code POST path} with a JSON body, such as {@code {"dry_run": true}}. */
    Answer post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Whether a run, as {@code /migrations/runs/{id}} shows it, has ended. */
    static boolean ended(JsonNode run) {
        String status = run.path("status").asText();
        return status.equals("SUCCEEDED") || status.equals("FAILED");
    }

    /** Polls {@code /migrations/runs/{id}} until the run ends, and returns it as it ended. */
    JsonNode awaitRun(String runId, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode run = expect(get("/migrations/runs/" + runId), 200);
            if (ended(run)) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Run " + runId + " did not end within " + timeout + "; last seen: " + run);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The body of an answer with the {@code status} expected; any other is an error showing the answer. */
    static JsonNode expect(Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("Expected HTTP " + status + ", got " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30));
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), response.headers(), body);
    }
}
