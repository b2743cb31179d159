package dev.cairn.http.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * chromedriver, started as a child process on a free port. Its output (and that of the Chromium it
 * starts) goes to a file under {@code target/}, never to the build's console.
 */
final class ChromeDriverProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final URI uri;

    private ChromeDriverProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /** Starts the chromedriver at {@code executable}, writing its output to {@code log}. */
    static ChromeDriverProcess start(Path executable, Path log) {
        requireExecutable(executable, "chromedriver");
        int port = freePort();
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(List.of(executable.toString(), "--port=" + port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ChromeDriverProcess driver = new ChromeDriverProcess(process, URI.create("http://127.0.0.1:" + port));
            driver.awaitReady(log);
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + executable, e);
        }
    }

    /** Fails with what to install when a browser program is missing: such tests never skip. */
    static void requireExecutable(Path executable, String what) {
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(what + " is not installed at " + executable
                    + ": install the Debian packages chromium and chromium-driver (.ci/run does when they are"
                    + " missing), or name another with -Dcairn.chromium=... and -Dcairn.chromedriver=...");
        }
    }

    /** Where chromedriver listens. */
    URI uri() {
        return uri;
    }

    private void awaitReady(Path log) {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("chromedriver exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> status = client.send(HttpRequest.newBuilder(uri.resolve("/status")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (status.statusCode() == 200 && status.body().contains("\"ready\":true")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // it is still starting: try again shortly
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pause();
        }
        close();
        throw new IllegalStateException("chromedriver did not become ready within " + START_TIMEOUT + "; see " + log);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for chromedriver", e);
        }
    }

    /**
     * Stops chromedriver and the browsers it started: they are its descendants, and a Chromium whose
     * session was not ended (a test run cut short) would outlive chromedriver otherwise.
     */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
