package dev.cairn.runtime.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Data sources that behave like connection pools in the ways tests need to observe. */
public final class Connections {

    private Connections() {
    }

    /**
     * A data source that hands out the same connection every time and ignores close(), as a pool
     * of one would: whatever a command leaves set on the connection, the next user sees.
     */
    public static DataSource single(Connection connection) {
        return of(() -> wrap(connection, false, null));
    }

    /**
     * Like {@link #single}, but executing exactly {@code failingSql} through a plain statement
     * fails without reaching the database, as it would if the link broke just then.
     */
    public static DataSource singleFailingOn(Connection connection, String failingSql) {
        return of(() -> wrap(connection, false, failingSql));
    }

    /** A data source whose connections fail when closed, as a broken pool or network might. */
    public static DataSource failingOnClose(DataSource real) {
        return of(() -> wrap(real.getConnection(), true, null));
    }

    private static Connection wrap(Connection real, boolean failOnClose, String failingSql) {
        return (Connection) Proxy.newProxyInstance(Connections.class.getClassLoader(), new Class<?>[] {Connection.class},
                (self, method, args) -> {
                    if (method.getName().equals("close")) {
                        if (failOnClose) {
                            real.close();
                            throw new SQLException("connection reset while closing", "08006");
                        }
                        return null;
                    }
                    Object result = invoke(real, method, args);
                    return method.getName().equals("createStatement") && failingSql != null
                            ? failing((Statement) result, failingSql) : result;
                });
    }

    private static Statement failing(Statement real, String failingSql) {
        return (Statement) Proxy.newProxyInstance(Connections.class.getClassLoader(), new Class<?>[] {Statement.class},
                (self, method, args) -> {
                    if (method.getName().startsWith("execute") && args != null && failingSql.equals(args[0])) {
                        throw new SQLException("connection reset during " + failingSql, "08006");
                    }
                    return invoke(real, method, args);
                });
    }

    private static Object invoke(Object real, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private interface Opener {
        Connection open() throws SQLException;
    }

    private static DataSource of(Opener opener) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return opener.open();
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return opener.open();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
                // Not logged.
            }

            @Override
            public void setLoginTimeout(int seconds) {
                // No login.
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                throw new SQLFeatureNotSupportedException();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return false;
            }
        };
    }
}
