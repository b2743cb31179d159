/**
 * The HTTP API and web console of Cairn: {@link dev.cairn.http.CairnHttpServer}, started over a
 * loaded {@link dev.cairn.runtime.Migrator}, answers seed 004's endpoints ({@code /migrations/...})
 * in JSON, runs migrations one run at a time on a thread of its own, and serves the console page;
 * {@link dev.cairn.http.AccessTokens} holds the read and write bearer tokens it requires.
 */
package dev.cairn.http;
