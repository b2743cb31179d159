package dev.cairn.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.Migrator;
import dev.cairn.test.CairnTest;
import dev.cairn.test.DatabaseKind;
import dev.cairn.test.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Actuator endpoint and health indicator, over HTTP, of a running web application, on each database. */
class CairnActuatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @CairnTest
    void theEndpointAndHealth_showPendingMigrations_thenUpToDate(TestDatabase database) throws Exception {
        try (ConfigurableApplicationContext app = Apps.start(database, WebApplicationType.SERVLET, new Class<?>[0],
                "server.port=0", "cairn.target=1", "management.endpoints.web.exposure.include=health,cairn",
                "management.endpoint.health.show-details=always")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/actuator";

            HttpResponse<String> health = get(base + "/health/cairn");
            assertEquals(503, health.statusCode(), health.body());
            JsonNode down = JSON.readTree(health.body());
            assertEquals("DOWN", down.path("status").asString());
            assertEquals(1, down.path("details").path("pending").asInt());
            assertEquals("[\"2\"]", down.path("details").path("migrations").path("PENDING").toString());

            HttpResponse<String> endpoint = get(base + "/cairn");
            assertEquals(200, endpoint.statusCode(), endpoint.body());
            JsonNode cairn = JSON.readTree(endpoint.body());
            DatabaseKind kind = database.kind();
            assertTrue(cairn.path("database").asString().startsWith(kind.displayName() + " database jdbc:" + kind.fileName() + ":"),
                    endpoint.body());
            assertEquals(false, cairn.path("upToDate").asBoolean());
            assertEquals(1, cairn.path("pending").asInt());
            JsonNode first = cairn.path("migrations").get(0);
            assertEquals(List.of("1", "Create notes", "APPLIED"),
                    List.of(first.path("version").asString(), first.path("description").asString(), first.path("state").asString()));
            assertTrue(first.path("installedOn").asString().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), endpoint.body());
            JsonNode second = cairn.path("migrations").get(1);
            assertEquals(List.of("2", "PENDING", ""),
                    List.of(second.path("version").asString(), second.path("state").asString(), second.path("detail").asString()));
            assertTrue(second.path("installedOn").isNull(), endpoint.body());
            assertEquals(List.of("1|APPLY"), history(cairn));

            app.getBean(Migrator.class).migrate();

            HttpResponse<String> up = get(base + "/health/cairn");
            assertEquals(200, up.statusCode(), up.body());
            assertEquals("UP", JSON.readTree(up.body()).path("status").asString());
            JsonNode after = JSON.readTree(get(base + "/cairn").body());
            assertEquals(true, after.path("upToDate").asBoolean());
            assertEquals(List.of("1|APPLY", "2|APPLY"), history(after));
        }
    }

    private static List<String> history(JsonNode cairn) {
        return cairn.path("history").valueStream()
                .map(entry -> entry.path("version").asString() + "|" + entry.path("action").asString()).toList();
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
