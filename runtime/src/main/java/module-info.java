/**
 * Cairn's runtime: applies a generated migration plan to a database. Exports the API a migration
 * author and an application use ({@code dev.cairn.runtime}), what generated registries are built
 * on ({@code dev.cairn.runtime.registry}) and the service interface of database support
 * ({@code dev.cairn.runtime.spi}); the engine stays internal.
 */
module dev.cairn.runtime {
    requires transitive dev.cairn;
    requires transitive java.sql;
    requires org.xerial.sqlitejdbc;
    // Data migrations read and write JSON columns through Jackson types (Row.json). The engine loads
    // Jackson only when a data migration runs: the up-to-date start never touches it.
    requires transitive com.fasterxml.jackson.databind;

    exports dev.cairn.runtime;
    exports dev.cairn.runtime.data;
    exports dev.cairn.runtime.registry;
    exports dev.cairn.runtime.spi;

    uses dev.cairn.runtime.MigrationSource;
    uses dev.cairn.runtime.spi.DatabaseProvider;

    provides dev.cairn.runtime.spi.DatabaseProvider with
            dev.cairn.runtime.internal.sqlite.SqliteProvider,
            dev.cairn.runtime.internal.postgres.PostgresProvider;
}
