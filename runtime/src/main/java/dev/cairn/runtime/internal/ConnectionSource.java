package dev.cairn.runtime.internal;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.internal.postgres.PostgresUrl;
import dev.cairn.runtime.internal.sqlite.SqliteUrl;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Where connections come from: a user's {@link DataSource} or a JDBC URL. Knows how to describe
 * the database without its credentials, for messages and logs, and refuses what cannot work:
 * URL forms a driver misreads, in-memory SQLite databases (whose migrations vanish with the
 * connection), and, for commands that only read, a SQLite file that does not exist (opening it
 * would create it). A driver's error never carries the URL's password on.
 */
public abstract class ConnectionSource {

    /**
     * A parameter that holds a secret, masked in every description and cut from every driver
     * error: {@code password}, {@code pwd} (the spelling of ODBC-style drivers), and any name that
     * ends in them, such as {@code sslpassword} (the PostgreSQL driver's SSL key password).
     */
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)(password|pwd)=([^&;]*)");
    /** A parameter that is the login password itself: named exactly {@code password} or {@code pwd}. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)[?&;](password|pwd)=([^&;]*)");
    /**
     * {@code user:password@} after {@code //}: the user ends at the first {@code :}, the password
     * at the last {@code @} before the parameters ({@code ?} or {@code ;}), so that a password may
     * hold {@code /}, {@code :} or {@code @} and a user {@code @} ({@code me@corp:secret@host}).
     */
    private static final Pattern USER_INFO = Pattern.compile("//([^:/?;]*):([^?;]*)@");

    /** Opens a new connection. */
    public abstract Connection open() throws SQLException;

    /** The database as a user recognizes it, without any password. */
    public abstract String describe();

    /** The password carried by a JDBC URL, for tools such as pg_dump; {@code null} if none. */
    public abstract String password();

    /** Checks up front what can be checked without connecting. */
    abstract void check();

    /**
     * Refuses, for a command that changes nothing, to connect to a database that does not exist
     * where connecting would create it (a SQLite file), before anything connects.
     *
     * @param doing what the command does, for the message: "read the migration status"
     */
    abstract void requireDatabase(String doing);

    public static ConnectionSource of(DataSource dataSource) {
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                Connection connection = dataSource.getConnection();
                try {
                    refuseInMemory(connection);
                } catch (SQLException | RuntimeException e) {
                    try {
                        connection.close();
                    } catch (SQLException closing) {
                        e.addSuppressed(closing);
                    }
                    throw e;
                }
                return connection;
            }

            /** A DataSource names no URL before it connects, so its first connection is checked. */
            private void refuseInMemory(Connection connection) throws SQLException {
                String url = String.valueOf(connection.getMetaData().getURL());
                if (SqliteUrl.of(url).filter(SqliteUrl::inMemory).isPresent()) {
                    throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, SqliteUrl.inMemoryProblem(
                            "The data source " + dataSource.getClass().getSimpleName()) + " Configure it with a database"
                            + " file instead of " + redact(url) + ", such as jdbc:sqlite:app.db (in tests, a file in a"
                            + " temporary directory). Nothing was changed.");
                }
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

            @Override
            void requireDatabase(String doing) {
                // Nothing to check before connecting: a DataSource names its database only once connected.
            }
        };
    }

    public static ConnectionSource of(String jdbcUrl) {
        Optional<SqliteUrl> sqlite = SqliteUrl.of(jdbcUrl);
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                try {
                    return DriverManager.getConnection(jdbcUrl);
                } catch (SQLException e) {
                    throw Redacted.of(e, secrets(jdbcUrl));
                }
            }

            @Override
            public String describe() {
                return redact(jdbcUrl);
            }

            /** The first {@code password} parameter's, else the first {@code pwd} parameter's. */
            @Override
            public String password() {
                Matcher parameter = PASSWORD_PARAMETER.matcher(jdbcUrl);
                String pwd = null;
                while (parameter.find()) {
                    if (parameter.group(1).equalsIgnoreCase("password")) {
                        return decoded(parameter.group(2));
                    }
                    if (pwd == null) {
                        pwd = decoded(parameter.group(2));
                    }
                }
                return pwd;
            }

            @Override
            void check() {
                Optional<String> problem = PostgresUrl.problem(jdbcUrl)
                        .or(() -> sqlite.flatMap(url -> url.problem(redact(jdbcUrl))));
                if (problem.isPresent()) {
                    // A problem may quote the URL's parts as the driver would read them, such as a SQLite file name.
                    throw new MigrationException(ErrorCode.INVALID_CONFIGURATION,
                            Redacted.cut(problem.get(), secrets(jdbcUrl)));
                }
                try {
                    DriverManager.getDriver(jdbcUrl);
                } catch (SQLException e) {
                    throw new MigrationException(ErrorCode.CONNECTION, "No JDBC driver accepts the URL " + redact(jdbcUrl)
                            + ". Use jdbc:sqlite:<file> for SQLite or jdbc:postgresql://<host>:<port>/<database> for"
                            + " PostgreSQL, and put the database's driver on the classpath.", e);
                }
            }

            @Override
            void requireDatabase(String doing) {
                Optional<Path> missing = sqlite.flatMap(SqliteUrl::file).filter(file -> !Files.exists(file));
                if (missing.isPresent()) {
                    throw new MigrationException(ErrorCode.NO_DATABASE, "Cannot " + doing + ": there is no SQLite database"
                            + " at " + missing.get().toAbsolutePath() + ". Cairn creates a database only to migrate it: check"
                            + " the path, or run migrate to create a new database there.");
                }
            }
        };
    }

    /** The URL with its secrets, the values {@link #secrets} lists, replaced by {@code ***}. */
    public static String redact(String jdbcUrl) {
        String withoutParameter = SECRET_PARAMETER.matcher(jdbcUrl).replaceAll("$1=***");
        return USER_INFO.matcher(withoutParameter).replaceAll("//$1:***@");
    }

    /** The secrets of a URL, as written and decoded, the longest first: what no message may show. */
    private static List<String> secrets(String jdbcUrl) {
        Set<String> secrets = new TreeSet<>(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
        for (Matcher value : List.of(SECRET_PARAMETER.matcher(jdbcUrl), USER_INFO.matcher(jdbcUrl))) {
            while (value.find()) {
                for (String secret : List.of(value.group(2), decoded(value.group(2)))) {
                    // A blank value hides nothing, and cutting "" or " " would put *** all over a message.
                    if (!secret.isBlank()) {
                        secrets.add(secret);
                    }
                }
            }
        }
        return List.copyOf(secrets);
    }

    /** A URL parameter's value decoded, or as written if it is not valid URL encoding. */
    private static String decoded(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return value;
        }
    }
}
