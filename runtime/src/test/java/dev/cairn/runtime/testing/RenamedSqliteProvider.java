package dev.cairn.runtime.testing;

import dev.cairn.runtime.Database;
import dev.cairn.runtime.internal.sqlite.SqliteProvider;
import dev.cairn.runtime.spi.DatabaseOptions;
import dev.cairn.runtime.spi.DatabaseProvider;
import dev.cairn.runtime.spi.DatabaseSupport;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.EnumSet;

/**
 * A provider from outside cairn-runtime, found through {@code META-INF/services} like any other:
 * it serves {@value #PRODUCT} (SQLite under another name, see {@link RenamedDatabase}) with
 * SQLite's support but a database description of its own.
 */
public final class RenamedSqliteProvider implements DatabaseProvider {

    public static final String PRODUCT = "CairnTestDB";

    @Override
    public boolean supports(DatabaseMetaData metadata) throws SQLException {
        return PRODUCT.equals(metadata.getDatabaseProductName());
    }

    @Override
    public DatabaseSupport open(Connection connection, DatabaseOptions options) throws SQLException {
        DatabaseSupport sqlite = new SqliteProvider().open(connection, options);
        Database database = Database.of(Database.Kind.OTHER, PRODUCT, "1.0", EnumSet.of(Database.Capability.TRANSACTIONAL_DDL));
        return (DatabaseSupport) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DatabaseSupport.class},
                (self, method, args) -> {
                    if (method.getName().equals("database")) {
                        return database;
                    }
                    try {
                        return method.invoke(sqlite, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
