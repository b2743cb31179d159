package dev.cairn.http.internal;

import com.sun.net.httpserver.Headers;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a request's bearer token against the scope its endpoint needs. A missing token and a
 * wrong one get the same answer, so that nothing tells a caller which tokens exist or how close a
 * guess came; the token itself is never put in an answer or a log line.
 */
public final class Authenticator {

    private static final String BEARER = "bearer ";
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private final TokenCheck tokens;

    private Authenticator(TokenCheck tokens) {
        this.tokens = tokens;
    }

    /** Requires the tokens of {@code tokens} for every endpoint that is not public. */
    public static Authenticator requiring(TokenCheck tokens) {
        return new Authenticator(tokens);
    }

    /** Lets every request do everything: for a server bound to a loopback address, on request. */
    public static Authenticator unauthenticated() {
        return new Authenticator(null);
    }

    /**
     * Passes if the request's {@code Authorization} header grants {@code needed}; else throws the
     * 401 or 403 to answer. Without tokens, passes only what cannot come from another site.
     */
    void require(Scope needed, String method, Headers headers) {
        if (needed == Scope.PUBLIC) {
            return;
        }
        if (tokens == null) {
            requireSameMachine(method, headers);
            return;
        }
        String authorization = headers.getFirst("Authorization");
        Scope granted = bearer(authorization).flatMap(tokens::scopeOf).orElseThrow(() -> new ApiException(401, "UNAUTHORIZED",
                "A valid bearer token is required.", Map.of("WWW-Authenticate", "Bearer")));
        if (needed == Scope.WRITE && !tokens.hasWriteToken()) {
            throw new ApiException(403, "READ_ONLY_SERVER", "This server has no write token, so it only reads. To run"
                    + " migrations through it, start it with a write token (CAIRN_HTTP_WRITE_TOKEN or a write token file).");
        }
        if (!granted.covers(needed)) {
            throw new ApiException(403, "FORBIDDEN", "This token may only read; write endpoints need the write token.");
        }
    }

    /**
     * Without tokens, a browser would let any web page its user visits send requests here: a form
     * or a no-cors fetch posts without asking, and DNS rebinding reads answers under another name.
     * A bearer token stops both (no page can make a browser add it); without one, the request must
     * name this machine as its host, come from no other origin, and post JSON, which a browser
     * sends to another origin only after a preflight that this server never grants.
     */
    private static void requireSameMachine(String method, Headers headers) {
        String host = Optional.ofNullable(headers.getFirst("Host")).orElse("");
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":\\d+$", "");
        if (!LOOPBACK_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            throw new ApiException(403, "FORBIDDEN", "This server runs without a token for this machine only, and this request"
                    + " names the host \"" + host + "\". Open it as http://127.0.0.1:<port>/ or http://localhost:<port>/, or give"
                    + " the server tokens to reach it under other names.");
        }
        String origin = headers.getFirst("Origin");
        if (origin != null && !origin.equalsIgnoreCase("http://" + host)) {
            throw new ApiException(403, "FORBIDDEN", "This server runs without a token, so it answers only its own pages, and"
                    + " this request comes from " + origin + ". Give the server tokens to call it from other pages.");
        }
        String type = Optional.ofNullable(headers.getFirst("Content-Type")).orElse("");
        if (method.equals("POST") && !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "This server runs without a token and takes only JSON"
                    + " posts: send the header Content-Type: application/json (with curl: -H 'Content-Type: application/json').");
        }
    }

    /** The token of {@code Authorization: Bearer <token>}; the scheme's name is case-insensitive (RFC 7235). */
    private static Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
