package dev.cairn.runtime.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;

/**
 * A real database whose driver reports another product name, as a database Cairn does not ship
 * support for would: for the tests of database providers.
 */
public final class RenamedDatabase {

    private RenamedDatabase() {
    }

    /** {@code real}, with every connection's metadata saying it is {@code productName}. */
    public static DataSource renamed(DataSource real, String productName) {
        return forwarding(DataSource.class, real, (method, result) -> result instanceof Connection connection
                ? forwarding(Connection.class, connection, (m, r) -> r instanceof DatabaseMetaData metadata
                        ? forwarding(DatabaseMetaData.class, metadata,
                                (mm, rr) -> mm.getName().equals("getDatabaseProductName") ? productName : rr)
                        : r)
                : result);
    }

    /** Replaces what a call returned. */
    private interface Rewrite {
        Object apply(Method method, Object result);
    }

    @SuppressWarnings("unchecked")
    private static <T> T forwarding(Class<T> type, T real, Rewrite rewrite) {
        return (T) Proxy.newProxyInstance(RenamedDatabase.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            try {
                return rewrite.apply(method, method.invoke(real, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
