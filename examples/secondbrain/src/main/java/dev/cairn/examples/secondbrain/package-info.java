/**
 * Seed 004, Second Brain's unified migrations on PostgreSQL, executed and watched through the
 * Cairn HTTP API: the memories table, their classification by type, the seed's
 * {@code AddUserPreferencesTable} schema migration and its {@code EnrichMemoriesWithSentiment}
 * memory-data migration, batched and resumable.
 *
 * <p><b>Versions.</b> The seed gives both of its migrations {@code version="2.6.0"}: that is the
 * release that ships them, not an identity (two migrations cannot share one). Its identities are
 * the ids ({@code add_user_preferences_001}, {@code enrich_sentiment_001}) and the dependency
 * {@code classify_memory_types_001}. Numbered as a team numbers migrations, in the order they were
 * written:
 * <ul>
 *   <li>1 — the memories table the system already had;</li>
 *   <li>2 — {@code classify_memory_types_001}, on 1;</li>
 *   <li>3 — {@code add_user_preferences_001}, on nothing (the seed's {@code dependencies=[]});</li>
 *   <li>4 — {@code enrich_sentiment_001}, on 2 (the seed's {@code dependencies}).</li>
 * </ul>
 * The seed's hand-written checksums ({@code "abc123"}) are Cairn's, computed at compile time.
 */
package dev.cairn.examples.secondbrain;
