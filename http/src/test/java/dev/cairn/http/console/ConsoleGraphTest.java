package dev.cairn.http.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.http.testing.TestServer;
import dev.cairn.test.DatabaseKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The dependency graph in a real browser: every migration, its state, the arrows, the legend. */
@ExtendWith(ChromiumExtension.class)
class ConsoleGraphTest {

    private static final List<String> VERSIONS = List.of("1", "2", "3", "4", "5", "6");
    /** The WebDriver key code of Enter. */
    private static final String ENTER = "\uE007";

    @ParameterizedTest(name = "{0}")
    @EnumSource(DatabaseKind.class)
    void graph_showsEveryMigrationAppliedOrPending_afterAPartialApply(DatabaseKind kind, Browser browser) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().migrate("2");
            ConsolePage page = ConsolePage.signIn(browser, server, TestServer.READ_TOKEN);

            assertEquals(VERSIONS, page.nodeVersions());
            Map<String, String> expected = statesFromApi(server);
            assertEquals(Map.of("1", "APPLIED", "2", "APPLIED", "3", "PENDING", "4", "PENDING", "5", "PENDING",
                    "6", "PENDING"), expected);
            assertEquals(expected, statesShown(page));
            assertTrue(browser.text(ConsolePage.node("2")).contains("Applied"), browser.text(ConsolePage.node("2")));
            assertTrue(browser.text(ConsolePage.node("4")).contains("Pending"), browser.text(ConsolePage.node("4")));
            assertTrue(browser.text(ConsolePage.node("5")).contains("irreversible"), browser.text(ConsolePage.node("5")));
            assertEquals(Set.of("1>2", "1>3", "2>4", "3>5", "4>5", "5>6"), browser.findNow("#graph .edge").stream()
                    .map(e -> e.attribute("data-from") + ">" + e.attribute("data-to")).collect(Collectors.toSet()));
            assertEquals("Applied2", browser.text(".legend-item[data-state='APPLIED']").replaceAll("\\s", ""));
            assertEquals("Pending4", browser.text(".legend-item[data-state='PENDING']").replaceAll("\\s", ""));
            assertEquals("2", browser.text("#count-applied"));
            assertEquals("4", browser.text("#count-pending"));
            assertTrue(browser.findNow("#banners .banner").isEmpty(), "one head, no drift: no warning");
            assertEquals("[]", browser.script("return performance.getEntriesByType('resource')"
                    + ".map(r => r.name).filter(url => !url.startsWith(location.origin))").toString(),
                    "nothing is loaded from elsewhere");

            browser.find(ConsolePage.node("3")).type(ENTER); // the graph works from the keyboard too
            assertEquals("3", browser.attribute("#details-body .details-title", "data-version"));

            page.screenshot("graph-" + kind.fileName(), null);
            page.screenshot("graph-panel-" + kind.fileName(), "#graph-panel");
            page.assertNoConsoleErrors(401);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DatabaseKind.class)
    void graph_showsTheFailedMigrationWithItsError(DatabaseKind kind, Browser browser) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().apply("1");
            server.database().execute("CREATE INDEX items_name ON items (name)"); // what 6 creates: it fails
            TestServer.Reply run = server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{}");
            assertEquals("FAILED", server.awaitRun(run.json().path("id").asText()).json().path("status").asText());
            ConsolePage page = ConsolePage.signIn(browser, server, TestServer.READ_TOKEN);

            Map<String, String> expected = statesFromApi(server);
            assertEquals("FAILED", expected.get("6"));
            assertEquals(expected, statesShown(page));
            assertTrue(browser.text(ConsolePage.node("6")).contains("Failed"), browser.text(ConsolePage.node("6")));
            assertTrue(browser.text("#banners").contains("6 \"Index items.name\" failed"), browser.text("#banners"));
            page.select("6");
            String details = browser.text("#details-body");
            assertTrue(details.contains("items_name"), "the details show the database's error: " + details);
            assertTrue(browser.findNow("#action-execute").size() == 1, "a failed migration can be executed again");
            assertTrue(browser.findNow("#action-rollback").isEmpty(), "a failed migration is not applied");
            page.assertNoConsoleErrors(401);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DatabaseKind.class)
    void graph_andBanner_showAMigrationWhoseSourceChangedSinceItWasApplied(DatabaseKind kind, Browser browser) {
        try (TestServer server = TestServer.start(kind)) {
            server.migrator().migrate("2");
            String stored = server.database().rows("SELECT checksum FROM cairn_history WHERE version = '1'").get(0);
            String edited = stored.substring(0, stored.indexOf(':') + 1) + "0edited0"; // same algorithm tag, new sum
            server.database().execute("UPDATE cairn_history SET checksum = ? WHERE version = '1'", edited);
            ConsolePage page = ConsolePage.signIn(browser, server, TestServer.READ_TOKEN);

            page.awaitState("1", "CHECKSUM_CHANGED");
            String node = browser.text(ConsolePage.node("1"));
            assertTrue(node.contains("Checksum changed"), node);
            assertEquals("APPLIED", page.state("2"));
            String banner = browser.text("#banners .banner.warning");
            assertTrue(banner.contains("1 \"Create items\" changed since it was applied"), banner);
            page.assertNoConsoleErrors(401);
        }
    }

    private static Map<String, String> statesFromApi(TestServer server) {
        Map<String, String> states = new LinkedHashMap<>();
        for (JsonNode migration : server.get("/migrations/status", TestServer.READ_TOKEN).json().path("migrations")) {
            states.put(migration.path("version").asText(), migration.path("state").asText());
        }
        return states;
    }

    private static Map<String, String> statesShown(ConsolePage page) {
        Map<String, String> states = new LinkedHashMap<>();
        VERSIONS.forEach(version -> states.put(version, page.state(version)));
        return states;
    }
}
