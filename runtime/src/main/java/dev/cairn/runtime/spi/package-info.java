/**
 * Support for a database, as a module adds it: a {@link dev.cairn.runtime.spi.DatabaseProvider}
 * listed in {@code META-INF/services} (or {@code provides} in its {@code module-info}) that
 * recognizes the database and returns its {@link dev.cairn.runtime.spi.DatabaseSupport}: locking,
 * Cairn's tables, backup and the capabilities migrations and the engine consult. SQLite and
 * PostgreSQL are providers of cairn-runtime itself, written against this package only.
 */
package dev.cairn.runtime.spi;
