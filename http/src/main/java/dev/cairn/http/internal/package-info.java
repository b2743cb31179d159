/**
 * The server's inside. <b>Private API: no compatibility guarantees.</b> Not exported from the
 * {@code dev.cairn.http} module.
 *
 * <p>A request goes through {@link dev.cairn.http.internal.Router}: the route is matched (404, 405),
 * the bearer token checked for the route's {@link dev.cairn.http.internal.Scope} (401, 403), the body
 * read up to the size limit (413) and parsed by {@link dev.cairn.http.internal.JsonBodies} (400), and
 * the endpoint answers; a {@link dev.cairn.runtime.MigrationException} becomes the JSON error of its
 * code ({@link dev.cairn.http.internal.ApiErrors}). Endpoints only read through the
 * {@link dev.cairn.runtime.Migrator}, except those that start a run: {@link dev.cairn.http.internal.RunManager}
 * runs one at a time, on a thread of its own, and a listener records its progress for polling.
 */
package dev.cairn.http.internal;
