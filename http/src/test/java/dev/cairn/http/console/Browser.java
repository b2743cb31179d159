package dev.cairn.http.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the W3C WebDriver protocol, through a chromedriver of its own: a
 * small client on java.net.http and Jackson, with only the commands the console tests use.
 */
final class Browser implements AutoCloseable {

    static final int WIDTH = 1280;
    static final int HEIGHT = 800;

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Headless, with a fresh profile, and quiet on the network: without the networking flags Chromium
     * keeps calling Google's services, which a closed network (CI's) refuses again and again.
     */
    private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-default-apps", "--disable-extensions", "--disable-crash-reporter",
            "--window-size=" + WIDTH + "," + HEIGHT);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ChromeDriverProcess driver;
    private final Path profile;
    private final URI session;

    private Browser(ChromeDriverProcess driver, Path chromium, Path profile) {
        this.driver = driver;
        this.profile = profile;
        ObjectNode capabilities = JSON.createObjectNode();
        ObjectNode always = capabilities.putObject("capabilities").putObject("alwaysMatch");
        always.put("browserName", "chrome");
        ObjectNode options = always.putObject("goog:chromeOptions");
        options.put("binary", chromium.toString());
        FLAGS.forEach(options.putArray("args")::add);
        options.withArray("args").add("--user-data-dir=" + profile);
        always.putObject("goog:loggingPrefs").put("browser", "ALL");
        JsonNode created = send("POST", driver.uri().resolve("/session"), capabilities);
        this.session = driver.uri().resolve("/session/" + created.get("sessionId").asText());
    }

    /** Starts chromedriver and a Chromium with a fresh profile; the logs go under {@code logDirectory}. */
    static Browser start(Path logDirectory) {
        Path chromium = setting("cairn.chromium", "/usr/bin/chromium");
        ChromeDriverProcess.requireExecutable(chromium, "Chromium");
        Path profile;
        try {
            profile = Files.createTempDirectory("cairn-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a browser profile directory", e);
        }
        ChromeDriverProcess driver = ChromeDriverProcess.start(setting("cairn.chromedriver", "/usr/bin/chromedriver"),
                logDirectory.resolve("chromedriver.log"));
        try {
            Browser browser = new Browser(driver, chromium, profile);
            browser.fitViewport();
            return browser;
        } catch (RuntimeException e) {
            driver.close();
            deleteProfile(profile);
            throw e;
        }
    }

    private static Path setting(String property, String otherwise) {
        return Path.of(System.getProperty(property, otherwise));
    }

    /** Makes the page's viewport exactly WIDTH x HEIGHT, whatever the window's own frame takes. */
    private void fitViewport() {
        JsonNode inner = script("return [window.innerWidth, window.innerHeight]");
        int width = 2 * WIDTH - inner.get(0).asInt();
        int height = 2 * HEIGHT - inner.get(1).asInt();
        send("POST", command("window/rect"), JSON.createObjectNode().put("width", width).put("height", height));
    }

    /** Loads a page and waits for it. */
    void open(URI uri) {
        send("POST", command("url"), JSON.createObjectNode().put("url", uri.toString()));
    }

    /** Runs JavaScript in the page (its arguments as {@code arguments[i]}) and returns its result. */
    JsonNode script(String body, Object... arguments) {
        ObjectNode request = JSON.createObjectNode().put("script", body);
        var args = request.putArray("args");
        for (Object argument : arguments) {
            args.add(JSON.valueToTree(argument instanceof Element e ? e.reference() : argument));
        }
        return send("POST", command("execute/sync"), request);
    }

    /**
     * Runs asynchronous JavaScript in the page: {@code body} is the inside of an async function
     * (it may {@code await}, such as {@code await import('/console/plan.js')}), whose result is returned.
     */
    JsonNode await(String body, Object... arguments) {
        ObjectNode request = object().put("script", "const done = arguments[arguments.length - 1];"
                + " (async (...args) => { " + body + " })(...[...arguments].slice(0, -1))"
                + ".then(done, e => done({scriptError: String(e && e.stack || e)}));");
        var args = request.putArray("args");
        for (Object argument : arguments) {
            args.add(JSON.valueToTree(argument));
        }
        JsonNode result = send("POST", command("execute/async"), request);
        if (result.has("scriptError")) {
            throw new WebDriverException("The page's script failed: " + result.get("scriptError").asText());
        }
        return result;
    }

    /** The first element matching a CSS selector, waited for. */
    Element find(String css) {
        return waitUntil("an element " + css, () -> findNow(css).stream().findFirst().orElse(null));
    }

    /**
     * The text of the first element matching a CSS selector once it is there; read again if the page
     * redrew it meanwhile.
     */
    String text(String css) {
        return waitUntil("the text of " + css, () -> find(css).text());
    }

    /** An attribute of the first element matching a CSS selector, as {@link #text} reads it. */
    String attribute(String css, String name) {
        return waitUntil(name + " of " + css, () -> String.valueOf(find(css).attribute(name)));
    }

    /** Every element matching a CSS selector now (possibly none). */
    List<Element> findNow(String css) {
        return elements(send("POST", command("elements"), selector(css)));
    }

    /**
     * Polls {@code condition} until it returns something other than {@code null} or {@code false},
     * and returns that; fails with {@code what} and the page's text after the wait.
     */
    <T> T waitUntil(String what, Supplier<T> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = condition.get();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (WebDriverException e) {
                last = e; // the element went away while the page redrew: try again
            }
            sleep(100);
        }
        AssertionError failure = new AssertionError("Waited " + WAIT.toSeconds() + " s for " + what
                + " in vain. The page reads:\n" + script("return document.body.innerText").asText());
        if (last != null) {
            failure.addSuppressed(last);
        }
        throw failure;
    }

    /** A PNG of the viewport. */
    void screenshot(Path file) {
        writePng(file, send("GET", command("screenshot"), null).asText());
    }

    /**
     * What the page wrote to its console at level SEVERE (uncaught errors, refused loads), apart from
     * the failed requests whose HTTP status the test expects, read once: the next call starts afresh.
     */
    List<String> consoleErrors(int... expectedStatuses) {
        JsonNode entries = send("POST", command("se/log"), JSON.createObjectNode().put("type", "browser"));
        List<String> errors = new ArrayList<>();
        for (JsonNode entry : entries) {
            String message = entry.get("message").asText();
            if ("SEVERE".equals(entry.get("level").asText()) && !isExpectedStatus(message, expectedStatuses)) {
                errors.add(message);
            }
        }
        return errors;
    }

    private static boolean isExpectedStatus(String message, int... statuses) {
        for (int status : statuses) {
            if (message.contains("the server responded with a status of " + status)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            send("DELETE", session, null);
        } finally {
            driver.close();
            deleteProfile(profile);
        }
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the browser profile " + profile, e);
        }
    }

    // ---- the protocol

    URI command(String path) {
        return URI.create(session + "/" + path);
    }

    static ObjectNode selector(String css) {
        return object().put("using", "css selector").put("value", css);
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    List<Element> elements(JsonNode references) {
        List<Element> found = new ArrayList<>();
        references.forEach(reference -> found.add(new Element(this, reference.get(Element.KEY).asText())));
        return found;
    }

    static void writePng(Path file, String base64) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode(base64));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the screenshot " + file, e);
        }
    }

    /** Sends one command and returns its {@code value}, or throws the W3C error it answered. */
    JsonNode send(String method, URI uri, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json; charset=utf-8");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString()));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode value = JSON.readTree(response.body()).path("value");
            if (response.statusCode() != 200) {
                throw new WebDriverException(method + " " + uri.getPath() + " failed: " + value.path("error").asText()
                        + ": " + value.path("message").asText());
            }
            return value;
        } catch (IOException e) {
            throw new WebDriverException("chromedriver does not answer " + method + " " + uri.getPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebDriverException("Interrupted while waiting for chromedriver", e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    static Map<String, String> reference(String elementId) {
        return Map.of(Element.KEY, elementId);
    }
}
