package dev.cairn.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The console's files, served from the classpath directory {@code dev/cairn/http/console/}: any
 * file of a type below, so that the console can gain files without a change here. They hold no
 * data, so they need no token; the page asks for one and sends it with each API request.
 *
 * <p>A path is served only if each of its segments is a plain name (letters, digits, {@code - _ .},
 * not starting with a dot), which refuses {@code ..} however it was encoded, hidden files and
 * anything outside the directory.
 */
final class StaticFiles {

    private static final String ROOT = "/dev/cairn/http/console/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json; charset=utf-8",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8",
            "woff2", "font/woff2");
    /** What the page may load: only this server, as the page's own meta tag says too. */
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " connect-src 'self'; frame-ancestors 'none'";

    private StaticFiles() {
    }

    /** The console's page. */
    static Response index() {
        return file("index.html");
    }

    /** The file at {@code path} below the console directory, such as {@code app.js}. */
    static Response file(String path) {
        List<String> segments = List.of(path.split("/", -1));
        String name = segments.get(segments.size() - 1);
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (type == null || !name.contains(".") || !segments.stream().allMatch(s -> NAME.matcher(s).matches())) {
            throw notFound(path);
        }
        try (InputStream in = StaticFiles.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw notFound(path);
            }
            return new Response(200, Map.of("Cache-Control", "no-cache", "Content-Security-Policy", POLICY,
                    "X-Frame-Options", "DENY", "Referrer-Policy", "no-referrer"), type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the console file " + path, e);
        }
    }

    private static ApiException notFound(String path) {
        return ApiException.notFound("The console has no file /console/" + path + ".");
    }
}
