package dev.cairn.http.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One element of the page, as WebDriver refers to it. */
final class Element {

    /** The W3C name of an element reference in JSON. */
    static final String KEY = "element-6066-11e4-a52e-4f735466cecf";

    private final Browser browser;
    private final String id;

    Element(Browser browser, String id) {
        this.browser = browser;
        this.id = id;
    }

    /** Its rendered text, as a person reads it. */
    String text() {
        return browser.send("GET", command("text"), null).asText();
    }

    /** The value of an attribute, or {@code null} when it has none. */
    String attribute(String name) {
        JsonNode value = browser.send("GET", command("attribute/" + name), null);
        return value.isNull() ? null : value.asText();
    }

    /** Whether a person would see it. */
    boolean displayed() {
        return browser.send("GET", command("displayed"), null).asBoolean();
    }

    /** Clicks it as a person would (scrolled into view; refused when something covers it). */
    void click() {
        browser.send("POST", command("click"), Browser.object());
    }

    /** Types text into it. */
    void type(String text) {
        browser.send("POST", command("value"), Browser.object().put("text", text));
    }

    /** The first descendant matching a CSS selector, waited for. */
    Element find(String css) {
        return browser.waitUntil("an element " + css + " inside " + this,
                () -> findNow(css).stream().findFirst().orElse(null));
    }

    /** Every descendant matching a CSS selector now. */
    List<Element> findNow(String css) {
        return browser.elements(browser.send("POST", command("elements"), Browser.selector(css)));
    }

    /** A PNG of just this element. */
    void screenshot(Path file) {
        Browser.writePng(file, browser.send("GET", command("screenshot"), null).asText());
    }

    Map<String, String> reference() {
        return Browser.reference(id);
    }

    private java.net.URI command(String path) {
        return browser.command("element/" + id + "/" + path);
    }

    @Override
    public String toString() {
        return "element " + id;
    }
}
