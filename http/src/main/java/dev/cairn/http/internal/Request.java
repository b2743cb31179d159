package dev.cairn.http.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One request as an endpoint sees it: its path parameters, its headers, and its body, read on
 * first use and never beyond the server's limit (one byte more, to tell that it is too large).
 */
final class Request {

    private final HttpExchange exchange;
    private final Map<String, String> parameters;
    private final int maxBodyBytes;
    private byte[] body;

    Request(HttpExchange exchange, Map<String, String> parameters, int maxBodyBytes) {
        this.exchange = exchange;
        this.parameters = Map.copyOf(parameters);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** A parameter of the route's pattern, such as {@code version} in {@code /migrations/{version}}. */
    String parameter(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalStateException("The route has no parameter " + name);
        }
        return value;
    }

    /** The first value of a header, or {@code null}. */
    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The body, at most the server's limit. */
    byte[] body() {
        if (body == null) {
            body = readBody();
        }
        return body;
    }

    private byte[] readBody() {
        String declared = header("Content-Length");
        if (declared != null && declared.trim().matches("\\d{1,18}") && Long.parseLong(declared.trim()) > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] data = in.readNBytes(maxBodyBytes + 1);
            if (data.length > maxBodyBytes) {
                throw tooLarge();
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the request body", e);
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, "BODY_TOO_LARGE", "The request body is larger than this server's limit of " + maxBodyBytes
                + " bytes. These endpoints take a small JSON object, such as {\"dry_run\": true}.");
    }
}
