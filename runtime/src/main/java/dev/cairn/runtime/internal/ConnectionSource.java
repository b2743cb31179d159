package dev.cairn.runtime.internal;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Where connections come from: a user's {@link DataSource} or a JDBC URL. Knows how to describe
 * the database without its credentials, for messages and logs.
 */
public abstract class ConnectionSource {

    /** {@code password=...} parameters and {@code user:password@} in a URL's authority. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password|pwd)=[^&;]*");
    private static final Pattern PASSWORD_VALUE = Pattern.compile("(?i)[?&;]password=([^&;]*)");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:]*):[^/@]*@");

    /** Opens a new connection. */
    public abstract Connection open() throws SQLException;

    /** The database as a user recognizes it, without any password. */
    public abstract String describe();

    /** The password carried by a JDBC URL, for tools such as pg_dump; {@code null} if none. */
    public abstract String password();

    /** Checks up front what can be checked without connecting. */
    abstract void check();

    public static ConnectionSource of(DataSource dataSource) {
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public String describe() {
                return "the data source " + dataSource.getClass().getSimpleName();
            }

            @Override
            public String password() {
                return null;
            }

            @Override
            void check() {
                // A DataSource is checked when it connects: it may legitimately be unreachable at load time.
            }
        };
    }

    public static ConnectionSource of(String jdbcUrl) {
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return DriverManager.getConnection(jdbcUrl);
            }

            @Override
            public String describe() {
                return redact(jdbcUrl);
            }

            @Override
            public String password() {
                Matcher parameter = PASSWORD_VALUE.matcher(jdbcUrl);
                return parameter.find() ? URLDecoder.decode(parameter.group(1), StandardCharsets.UTF_8) : null;
            }

            @Override
            void check() {
                try {
                    DriverManager.getDriver(jdbcUrl);
                } catch (SQLException e) {
                    throw new MigrationException(ErrorCode.CONNECTION, "No JDBC driver accepts the URL " + redact(jdbcUrl)
                            + ". Use jdbc:sqlite:<file> for SQLite or jdbc:postgresql://<host>:<port>/<database> for"
                            + " PostgreSQL, and put the database's driver on the classpath.", e);
                }
            }
        };
    }

    /** The URL with passwords replaced by {@code ***}. */
    public static String redact(String jdbcUrl) {
        String withoutParameter = PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1=***");
        return USER_INFO.matcher(withoutParameter).replaceAll("//$1:***@");
    }
}
