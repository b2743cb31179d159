package dev.cairn.http.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.cairn.http.CairnHttpServer;
import dev.cairn.runtime.MigrationException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Answers every request of the server: finds the route (404, 405), checks the token for its scope
 * (401, 403), lets the endpoint answer, and turns what it throws into the JSON error of its code.
 * The request body is read only by endpoints that take one, after the token was checked.
 */
public final class Router implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(CairnHttpServer.LOGGER_NAME);

    private final List<Route> routes;
    private final Authenticator authenticator;
    private final int maxBodyBytes;

    Router(List<Route> routes, Authenticator authenticator, int maxBodyBytes) {
        this.routes = List.copyOf(routes);
        this.authenticator = authenticator;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Response response;
        try {
            response = dispatch(exchange);
        } catch (ApiException e) {
            response = ApiErrors.of(e);
        } catch (MigrationException e) {
            response = ApiErrors.of(e);
        } catch (RuntimeException e) {
            // A fault of the server, not of the request: the log gets the trace, the caller no internals.
            LOG.log(Level.ERROR, "Request " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " failed", e);
            response = Response.json(500, ApiErrors.body("INTERNAL_ERROR", "The server failed to answer (" + e.getClass().getSimpleName()
                    + "); its log has the details. Nothing was started."));
        }
        send(exchange, response);
    }

    private Response dispatch(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        List<String> segments = path == null || !path.startsWith("/") ? List.of("") : Route.segments(path);
        Optional<Route> best = segments.contains("") ? Optional.empty()
                : routes.stream().filter(r -> r.match(segments).isPresent()).max(Route::compareSpecificity);
        if (best.isEmpty()) {
            throw ApiException.notFound("Nothing is at " + path + ". The API's endpoints are under /migrations"
                    + " (such as GET /migrations/status); the console is at /.");
        }
        String pattern = best.get().pattern();
        List<Route> atPath = routes.stream().filter(r -> r.pattern().equals(pattern)).toList();
        Route route = atPath.stream().filter(r -> r.method().equals(exchange.getRequestMethod())).findFirst()
                .orElseThrow(() -> methodNotAllowed(exchange.getRequestMethod(), path, atPath));
        authenticator.require(route.scope(), exchange.getRequestMethod(), exchange.getRequestHeaders());
        refuseQuery(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery());
        Map<String, String> parameters = route.match(segments).orElseThrow();
        return route.endpoint().answer(new Request(exchange, parameters, maxBodyBytes));
    }

    /**
     * A write takes its options from its JSON body only: a query such as the seed's
     * {@code ?migration_type=...} or {@code ?dry_run=true}, ignored, would run more than was asked.
     */
    private static void refuseQuery(String method, String path, String query) {
        if (method.equals("POST") && query != null && !query.isEmpty()) {
            String names = Arrays.stream(query.split("&")).map(p -> p.split("=", 2)[0]).distinct().collect(Collectors.joining(", "));
            throw ApiException.badRequest("POST " + path + " takes no query parameters, and this one has " + names
                    + ". Send its options in the JSON body, such as {\"dry_run\": true, \"batch_size\": 500}. Nothing was run.");
        }
    }

    private static ApiException methodNotAllowed(String method, String path, List<Route> atPath) {
        String allowed = atPath.stream().map(Route::method).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(", "));
        return new ApiException(405, "METHOD_NOT_ALLOWED", path + " does not take " + method + "; it takes " + allowed + ".",
                Map.of("Allow", allowed));
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        try (exchange) {
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if (!response.headers().containsKey("Cache-Control")) {
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
            }
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
