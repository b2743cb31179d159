package dev.cairn.runtime.spi;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * Adds a database to Cairn. Found through {@link java.util.ServiceLoader}; the first provider
 * that {@linkplain #supports supports} a connection's database serves it.
 */
public interface DatabaseProvider {

    /** Whether this provider serves the database behind {@code metadata}; must not run a statement. */
    boolean supports(DatabaseMetaData metadata) throws SQLException;

    /**
     * The support for one command's connection.
     *
     * @param connection the command's connection, in auto-commit mode
     * @param options the configured options that depend on the database
     * @throws dev.cairn.runtime.MigrationException with {@code INVALID_CONFIGURATION} when an
     *     option does not apply to this database, saying what to change
     */
    DatabaseSupport open(Connection connection, DatabaseOptions options) throws SQLException;
}
