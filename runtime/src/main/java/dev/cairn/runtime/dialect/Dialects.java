package dev.cairn.runtime.dialect;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;

/** Chooses the {@link Dialect} of a connection from its metadata. */
public final class Dialects {

    private Dialects() {
    }

    /**
     * The dialect of the database behind {@code connection}.
     *
     * @param schema the PostgreSQL schema of Cairn's tables, or {@code null} for the current one
     * @param database how messages name the database
     */
    public static Dialect detect(Connection connection, String schema, String database) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if ("SQLite".equalsIgnoreCase(product)) {
            if (schema != null) {
                throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "The schema option (\"" + schema
                        + "\") is for PostgreSQL, but " + database + " is SQLite, which has no schemas. Remove schema(...).");
            }
            return new SqliteDialect();
        }
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return new PostgresDialect(schema);
        }
        throw new MigrationException(ErrorCode.UNSUPPORTED_DATABASE, database + " is " + product
                + ", which Cairn does not support yet. Cairn supports SQLite and PostgreSQL.");
    }
}
