package dev.cairn.http.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.http.testing.TestServer;
import java.nio.file.Path;
import java.util.List;

/**
 * The console of one {@link TestServer} open in the {@link Browser}, read and driven as a person
 * would: through what the page shows, its text and the attributes that carry its state.
 */
final class ConsolePage {

    private final Browser browser;

    private ConsolePage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the console of {@code server}. */
    static ConsolePage open(Browser browser, TestServer server) {
        browser.consoleErrors(); // what an earlier page logged is not this test's concern
        browser.open(server.uri());
        return new ConsolePage(browser);
    }

    /** Opens the console of {@code server}, which asks for a token, and signs in with {@code token}. */
    static ConsolePage signIn(Browser browser, TestServer server, String token) {
        return open(browser, server).signIn(token);
    }

    /** Answers the page's question for a token; returns once the graph is drawn. */
    ConsolePage signIn(String token) {
        enterToken(token);
        browser.find("#graph svg.graph .node");
        return this;
    }

    /** Types a token into the sign-in dialog, once the page asks for one, and submits it. */
    void enterToken(String token) {
        browser.find("#sign-in[open] #token-input").type(token);
        browser.find("#sign-in-submit").click();
    }

    Browser browser() {
        return browser;
    }

    static String node(String version) {
        return "#graph .node[data-version='" + version + "']";
    }

    /** The state a graph node shows, as its MigrationState name. */
    String state(String version) {
        return browser.attribute(node(version), "data-state");
    }

    /** Waits until the graph shows {@code version} in {@code state}. */
    void awaitState(String version, String state) {
        browser.waitUntil("migration " + version + " shown as " + state, () -> state.equals(state(version)));
    }

    /** The versions of every node of the graph, in document order. */
    List<String> nodeVersions() {
        return browser.waitUntil("the graph's nodes", () ->
                browser.findNow("#graph .node").stream().map(e -> e.attribute("data-version")).toList());
    }

    /** Selects a migration by clicking its node, and waits for its details. */
    void select(String version) {
        browser.find(node(version)).click();
        browser.find("#details-body .details-title[data-version='" + version + "']");
    }

    /** Clicks a button (found by CSS selector) once it is enabled. */
    void click(String css) {
        browser.waitUntil(css + " enabled", () -> {
            Element button = browser.find(css);
            return button.attribute("disabled") == null ? button : null;
        }).click();
    }

    /** Clicks an action's button and waits for its confirmation dialog, which opens once the server sent the plan. */
    void openConfirmation(String css) {
        click(css);
        browser.waitUntil("the confirmation dialog", () -> confirmationOpen() ? Boolean.TRUE : null);
    }

    /** Whether the confirmation dialog is open. */
    boolean confirmationOpen() {
        return !browser.findNow("#confirm[open]").isEmpty();
    }

    /** The plan the confirmation dialog shows: one "version: reason" line per migration. */
    List<String> confirmationPlan() {
        return browser.waitUntil("the plan in the confirmation dialog", () -> {
            List<Element> items = browser.findNow("#confirm[open] #confirm-plan .plan-item");
            return items.isEmpty() ? null : items.stream()
                    .map(i -> i.attribute("data-version") + ": " + i.find(".plan-reason").text()).toList();
        });
    }

    /** Writes a PNG of the viewport, or of one element, under target/console-screenshots. */
    Path screenshot(String name, String css) {
        Path file = ChromiumExtension.OUTPUT.resolve(name + ".png");
        if (css == null) {
            browser.screenshot(file);
        } else {
            Element element = browser.find(css);
            // Chromium crops an element's picture to the viewport: bring its top there first.
            browser.script("arguments[0].scrollIntoView({block: 'start'})", element);
            element.screenshot(file);
        }
        return file;
    }

    /** Fails if the page logged an error, apart from the failed requests of the HTTP statuses expected. */
    void assertNoConsoleErrors(int... expectedStatuses) {
        assertEquals(List.of(), browser.consoleErrors(expectedStatuses), "errors in the page's console");
    }
}
