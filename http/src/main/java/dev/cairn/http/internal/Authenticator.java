package dev.cairn.http.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a request's bearer token against the scope its endpoint needs. A missing token and a
 * wrong one get the same answer, so that nothing tells a caller which tokens exist or how close a
 * guess came; the token itself is never put in an answer or a log line.
 */
public final class Authenticator {

    private static final String BEARER = "bearer ";

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
     * Passes if the {@code Authorization} header grants {@code needed}; else throws the 401 or 403
     * to answer.
     */
    void require(Scope needed, String authorization) {
        if (needed == Scope.PUBLIC || tokens == null) {
            return;
        }
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
