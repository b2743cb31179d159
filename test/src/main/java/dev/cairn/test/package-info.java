/**
 * Cairn's test kit: real databases for JUnit 5 tests and checks of a user's own migrations.
 *
 * <ul>
 *   <li>{@link dev.cairn.test.CairnTest @CairnTest} runs a test once per database, each time with a
 *       fresh, empty {@link dev.cairn.test.TestDatabase}: a SQLite file, or a database on an
 *       embedded PostgreSQL server shared by the whole test JVM.
 *   <li>{@link dev.cairn.test.MigrationTester} drives a {@link dev.cairn.runtime.MigrationSource}
 *       on such a database: the up, down, up round trip of every migration, a data migration
 *       tested from the state just before it, and the resulting schema against a committed
 *       {@link dev.cairn.test.SchemaSnapshot}.
 * </ul>
 *
 * <p>The kit uses only the runtime's public API, so what it checks is what an application sees.
 */
package dev.cairn.test;
