package dev.cairn.http.internal;

/** What a request may do: which token an endpoint needs, and which one a request showed. */
public enum Scope {
    /** Nothing to show: the console's static files and the health check. */
    PUBLIC,
    /** The read endpoints: the read token or the write token. */
    READ,
    /** The endpoints that run or validate migrations: the write token only. */
    WRITE;

    /** Whether a request granted this scope may call an endpoint that needs {@code needed}. */
    boolean covers(Scope needed) {
        return compareTo(needed) >= 0;
    }
}
