package dev.cairn.cli;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database URL as the user gave it, turned into a JDBC URL and the login it carried. Takes JDBC
 * URLs as they are, and the URLs of {@code DATABASE_URL} that SQLAlchemy, Alembic, Heroku and
 * Rails use: {@code postgresql://user:password@host:5432/db} (also {@code postgres://} and
 * {@code postgresql+psycopg2://}) and {@code sqlite:///relative.db} or {@code sqlite:////absolute.db}.
 *
 * @param jdbcUrl the JDBC URL, without the login the original URL carried in {@code user:password@}
 * @param user the user of {@code user:password@}, if any
 * @param password the password of {@code user:password@}, if any
 */
record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {

    private static final Pattern SERVER = Pattern.compile("(?i)(postgres|postgresql)(\\+\\w+)?://(?:([^:@/]*)(?::(.*))?@)?([^@]*)");
    /** SQLAlchemy's form: three slashes, then the path, relative unless it starts with a fourth. */
    private static final Pattern SQLITE = Pattern.compile("(?i)sqlite(\\+\\w+)?://(/(.*))?");
    /** A password in a JDBC URL: {@code password=} or {@code pwd=} as a parameter, or {@code //user:password@}. */
    private static final Pattern JDBC_PASSWORD = Pattern.compile("(?i)([?&;](password|pwd)=)|(//[^/?;]*:[^/?;]*@)");

    /**
     * Reads a URL.
     *
     * @param source where it came from, for messages: "--url", "DATABASE_URL"
     */
    static DatabaseUrl parse(String source, String url) {
        String text = url.trim();
        if (text.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return new DatabaseUrl(text, Optional.empty(), Optional.empty());
        }
        Matcher server = SERVER.matcher(text);
        if (server.matches()) {
            return new DatabaseUrl("jdbc:postgresql://" + server.group(5), decoded(server.group(3)), decoded(server.group(4)));
        }
        Matcher sqlite = SQLITE.matcher(text);
        if (sqlite.matches()) {
            if (sqlite.group(3) == null || sqlite.group(3).isEmpty() || sqlite.group(3).equals(":memory:")) {
                throw CliException.usage("BAD_URL", source + " is " + text + ", an in-memory SQLite database, whose migrations"
                        + " would vanish with the connection. Name a file: sqlite:///app.db (relative) or sqlite:////var/db/app.db"
                        + " (absolute).");
            }
            return new DatabaseUrl("jdbc:sqlite:" + sqlite.group(3), Optional.empty(), Optional.empty());
        }
        throw CliException.usage("BAD_URL", source + " is not a database URL Cairn reads: "
                + masked(text) + ". Write a JDBC URL (jdbc:sqlite:app.db,"
                + " jdbc:postgresql://host:5432/db) or the DATABASE_URL form (postgresql://user@host:5432/db, sqlite:///app.db).");
    }

    /** Whether a URL as given holds a password, which the process list would show if it came from the command line. */
    static boolean holdsPassword(String url) {
        String text = url.trim();
        if (text.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return JDBC_PASSWORD.matcher(text).find();
        }
        Matcher server = SERVER.matcher(text);
        return server.matches() && server.group(4) != null;
    }

    /** Without the password, which a record would print. */
    @Override
    public String toString() {
        return "DatabaseUrl[" + masked(jdbcUrl) + ", user=" + user.orElse("none") + ", password=" + (password.isPresent() ? "***" : "none") + "]";
    }

    /** A JDBC URL with the values of its password parameters replaced by {@code ***}. */
    static String masked(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password|pwd)=[^&;]*", "$1=***").replaceAll("//([^:/?;@]*):[^/?;@]*@", "//$1:***@");
    }

    /** Whether it is a SQLite URL, which takes no login. */
    boolean isSqlite() {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlite:");
    }

    /** The file of a SQLite URL, if it names one (not an in-memory database). */
    Optional<Path> sqliteFile() {
        if (!isSqlite()) {
            return Optional.empty();
        }
        String name = jdbcUrl.substring("jdbc:sqlite:".length());
        int parameters = name.indexOf('?');
        name = parameters < 0 ? name : name.substring(0, parameters);
        name = name.startsWith("file:") ? name.substring("file:".length()) : name;
        return name.isEmpty() || name.contains(":memory:") ? Optional.empty() : Optional.of(Path.of(name));
    }

    /**
     * The JDBC URL with the login added as {@code user} and {@code password} parameters, where the
     * runtime reads them and keeps the password out of every message, unless the URL has them.
     * SQLite takes none: an unknown parameter would become part of its file name.
     */
    String withLogin(String user, String password) {
        if (isSqlite()) {
            return jdbcUrl;
        }
        StringBuilder result = new StringBuilder(jdbcUrl);
        append(result, "user", user);
        append(result, "password", password);
        return result.toString();
    }

    private static void append(StringBuilder url, String name, String value) {
        if (value == null || Pattern.compile("(?i)[?&;]" + name + "=").matcher(url).find()) {
            return;
        }
        url.append(url.indexOf("?") < 0 ? '?' : '&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static Optional<String> decoded(String part) {
        if (part == null || part.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URLDecoder.decode(part, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notEncoded) {
            return Optional.of(part);
        }
    }
}
