/**
 * Support for a database, as a module adds it: a {@link dev.cairn.runtime.spi.DatabaseProvider}
 * listed in {@code META-INF/services} (or {@code provides} in its {@code module-info}) that
 * recognizes the database and returns its {@link dev.cairn.runtime.spi.DatabaseSupport}: locking,
 * Cairn's tables, backup and the capabilities migrations and the engine consult. SQLite and
 * PostgreSQL are providers of cairn-runtime itself, written against this package only.
 *
 * <p><b>Incubating:</b> until a database is added from outside cairn-runtime, this package may
 * still change between minor versions (methods with defaults are added as the engine needs them);
 * {@code dev.cairn.runtime} and {@code dev.cairn.runtime.registry} are the stable surface.
 */
package dev.cairn.runtime.spi;
