/**
 * Cairn's HTTP API and web console: {@link dev.cairn.http.CairnHttpServer} serves the migrations of
 * a loaded {@link dev.cairn.runtime.Migrator} over HTTP, behind bearer tokens
 * ({@link dev.cairn.http.AccessTokens}). Only {@code dev.cairn.http} is API; the server's routes,
 * views and runs stay internal.
 */
module dev.cairn.http {
    requires transitive dev.cairn.runtime;
    requires jdk.httpserver;
    requires com.fasterxml.jackson.databind;

    exports dev.cairn.http;
}
