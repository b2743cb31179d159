package dev.cairn.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.http.testing.TestServer;
import dev.cairn.http.testing.TestServer.Reply;
import dev.cairn.test.DatabaseKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's files: served without a token, from the console directory only. */
class StaticFilesTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(DatabaseKind.SQLITE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theConsolePageIsServedAtTheRootWithoutAToken() {
        Reply page = server.get("/", null);
        assertEquals(200, page.status());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(page.body().contains("<title>Cairn console</title>"), page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("default-src 'self'"));
    }

    @Test
    void anyFileOfTheConsoleIsServedWithItsType() {
        Reply script = server.get("/console/api.js", null);
        assertEquals(200, script.status());
        assertEquals("text/javascript; charset=utf-8", script.headers().firstValue("Content-Type").orElseThrow());
        Reply icon = server.get("/console/cairn.svg", null);
        assertEquals(200, icon.status());
        assertEquals("image/svg+xml", icon.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void aMissingFileIsNotFound() {
        Reply missing = server.get("/console/missing.js", null);
        assertEquals(404, missing.status());
        assertEquals("NOT_FOUND", missing.errorCode());
        assertEquals("The console has no file /console/missing.js.", missing.errorMessage());
    }

    /** Written on a socket, as an attacker would: HTTP clients normalize such paths before sending them. */
    @ParameterizedTest
    @ValueSource(strings = {"/console/../http/internal/Router.class", "/console/..%2finternal%2fRouter.class",
            "/console/%2e%2e/internal/Api.class", "/console/.hidden.js", "/console//api.js",
            "/console/../../../../../../etc/passwd", "/console/app.js/..", "/console/dev/cairn/http/internal/Api.class"})
    void aPathOutsideTheConsoleDirectoryIsRefused(String path) throws IOException {
        String answer = rawGet(path);
        assertTrue(answer.startsWith("HTTP/1.1 404 "), answer);
        assertTrue(answer.contains("\"code\":\"NOT_FOUND\""), answer);
        assertFalse(answer.contains("cafebabe") || answer.contains("root:"), answer);
    }

    private static String rawGet(String path) throws IOException {
        try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
