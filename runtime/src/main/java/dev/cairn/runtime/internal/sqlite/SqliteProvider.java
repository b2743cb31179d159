package dev.cairn.runtime.internal.sqlite;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.spi.DatabaseOptions;
import dev.cairn.runtime.spi.DatabaseProvider;
import dev.cairn.runtime.spi.DatabaseSupport;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** SQLite through the xerial sqlite-jdbc driver, the embedded default. */
public final class SqliteProvider implements DatabaseProvider {

    @Override
    public boolean supports(DatabaseMetaData metadata) throws SQLException {
        return "SQLite".equalsIgnoreCase(metadata.getDatabaseProductName());
    }

    @Override
    public DatabaseSupport open(Connection connection, DatabaseOptions options) throws SQLException {
        if (options.schema().isPresent()) {
            throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "The schema option (\"" + options.schema().get()
                    + "\") is for databases with schemas, but " + options.description()
                    + " is SQLite, which has none. Remove schema(...).");
        }
        return new SqliteSupport(connection.getMetaData().getDatabaseProductVersion());
    }
}
