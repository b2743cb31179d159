package dev.cairn.runtime.internal.postgres;

import dev.cairn.runtime.spi.DatabaseOptions;
import dev.cairn.runtime.spi.DatabaseProvider;
import dev.cairn.runtime.spi.DatabaseSupport;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** PostgreSQL through whichever JDBC driver the application brings (pgjdbc). */
public final class PostgresProvider implements DatabaseProvider {

    @Override
    public boolean supports(DatabaseMetaData metadata) throws SQLException {
        return "PostgreSQL".equalsIgnoreCase(metadata.getDatabaseProductName());
    }

    @Override
    public DatabaseSupport open(Connection connection, DatabaseOptions options) throws SQLException {
        return new PostgresSupport(options.schema().orElse(null), connection.getMetaData().getDatabaseProductVersion());
    }
}
