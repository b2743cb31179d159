package dev.cairn.http.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.http.testing.TestServer;
import dev.cairn.test.DatabaseKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit log as a timeline: every entry, newest first, when, who, and its duration to scale. */
@ExtendWith(ChromiumExtension.class)
class ConsoleHistoryTest {

    @Test
    void timeline_showsEveryEntryNewestFirst_withWhenWhoAndDurationsToScale(Browser browser) {
        try (TestServer server = TestServer.start(DatabaseKind.SQLITE)) {
            server.seedItems(300); // a backfill of a few hundred milliseconds beside steps of a few
            server.migrator().migrate();
            server.migrator().rollback("6");
            List<JsonNode> entries = entries(server);
            assertTrue(entries.stream().anyMatch(e -> e.path("action").asText().equals("ROLLBACK")), entries.toString());
            ConsolePage page = ConsolePage.signIn(browser, server, TestServer.READ_TOKEN);

            List<Element> rows = browser.waitUntil("a row per entry", () -> {
                List<Element> found = browser.findNow("#timeline tr.entry");
                return found.size() == entries.size() ? found : null;
            });
            for (int i = 0; i < rows.size(); i++) {
                JsonNode entry = entries.get(entries.size() - 1 - i); // the API lists oldest first
                Element row = rows.get(i);
                assertEquals(entry.path("action").asText() + " " + entry.path("version").asText(),
                        row.attribute("data-action") + " " + row.attribute("data-version"));
                assertEquals(entry.path("loggedOn").asText(), row.find("time").attribute("datetime"));
                assertEquals(entry.path("loggedBy").asText(), row.find("td.who").text());
                assertTrue(row.text().contains(entry.path("description").asText()), row.text());
            }
            assertTrue(rows.get(0).text().contains("Rolled back"), rows.get(0).text());
            assertDurationsToScale(browser, entries);
            assertEquals(entries.size(), browser.findNow("#timeline .strip-mark").size(), "one mark per entry on the strip");
            page.screenshot("history", "#timeline-panel");
            page.assertNoConsoleErrors(401);
        }
    }

    @Test
    void timeline_showsAFailureWithTheDatabasesError(Browser browser) {
        try (TestServer server = TestServer.start(DatabaseKind.SQLITE)) {
            server.migrator().apply("1");
            server.database().execute("CREATE INDEX items_name ON items (name)");
            TestServer.Reply run = server.post("/migrations/execute-all", TestServer.WRITE_TOKEN, "{}");
            server.awaitRun(run.json().path("id").asText());
            ConsolePage page = ConsolePage.signIn(browser, server, TestServer.READ_TOKEN);

            Element failure = browser.find("#timeline tr.entry[data-action='FAIL']");
            assertEquals("6", failure.attribute("data-version"));
            assertTrue(failure.text().contains("Failed"), failure.text());
            assertTrue(failure.find(".entry-detail").text().contains("items_name"), failure.text());
            page.assertNoConsoleErrors(401);
        }
    }

    /** Each bar's width over the longest bar's is its duration over the longest duration (2 px at least). */
    private static void assertDurationsToScale(Browser browser, List<JsonNode> entries) {
        JsonNode widths = browser.script("return [...document.querySelectorAll('#timeline tr.entry')].map(r =>"
                + " r.querySelector('.duration-bar').getBoundingClientRect().width)");
        double track = browser.script("return document.querySelector('#timeline .duration-track')"
                + ".getBoundingClientRect().width").asDouble();
        long longest = entries.stream().mapToLong(e -> e.path("executionMs").asLong()).max().orElseThrow();
        assertTrue(longest > 100, "the backfill takes a while: " + longest + " ms");
        for (int i = 0; i < widths.size(); i++) {
            long ms = entries.get(entries.size() - 1 - i).path("executionMs").asLong();
            double expected = ms == 0 ? 0 : Math.max(2, track * ms / longest);
            assertEquals(expected, widths.get(i).asDouble(), 1.0, "bar of row " + i + " (" + ms + " ms)");
        }
    }

    private static List<JsonNode> entries(TestServer server) {
        List<JsonNode> entries = new ArrayList<>();
        server.get("/migrations/history", TestServer.READ_TOKEN).json().path("entries").forEach(entries::add);
        return entries;
    }
}
