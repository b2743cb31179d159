package dev.cairn.runtime.internal.sqlite;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sqlite.SQLiteConfig;

/**
 * A {@code jdbc:sqlite:} URL as the SQLite driver reads it, for what Cairn checks before it
 * connects: an in-memory database, whose migrations would vanish with the connection; parameters
 * the driver does not know, which it keeps in the file name; and the file that a command which
 * only reads must find, since opening a missing file creates it.
 */
public final class SqliteUrl {

    private static final String PREFIX = "jdbc:sqlite:";
    /**
     * The parameters the driver takes out of the URL as settings; it leaves any other in the file
     * name. In a class of their own: reading them loads the driver's settings classes, which a
     * PostgreSQL URL, also read by {@link #of}, never needs.
     */
    private static final class DriverParameters {
        static final Set<String> NAMES = Arrays.stream(SQLiteConfig.Pragma.values())
                .map(pragma -> pragma.pragmaName).collect(Collectors.toUnmodifiableSet());
    }
    /** The query parameters SQLite itself reads from a {@code file:} URI. */
    private static final List<String> URI_PARAMETERS = List.of("vfs", "mode", "cache", "psow", "nolock", "immutable");

    /** One query parameter: its key as the driver compares it, and the text as written. */
    private record Parameter(String key, String value, String text) {
    }

    private final String name;
    private final List<Parameter> parameters;

    private SqliteUrl(String name, List<Parameter> parameters) {
        this.name = name;
        this.parameters = parameters;
    }

    /** The URL read as SQLite's, or empty for another database's. */
    public static Optional<SqliteUrl> of(String jdbcUrl) {
        if (!jdbcUrl.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring(PREFIX.length());
        int query = rest.indexOf('?');
        List<Parameter> parameters = new ArrayList<>();
        if (query >= 0) {
            for (String text : rest.substring(query + 1).split("&")) {
                if (!text.isBlank()) {
                    String[] keyValue = text.split("=", 2);
                    parameters.add(new Parameter(keyValue[0].trim().toLowerCase(Locale.ROOT),
                            keyValue.length > 1 ? keyValue[1].trim() : "", text.trim()));
                }
            }
        }
        return Optional.of(new SqliteUrl(query >= 0 ? rest.substring(0, query) : rest, List.copyOf(parameters)));
    }

    /** Whether the URL names a {@code file:} URI, whose query SQLite reads as well as the driver. */
    private boolean isUri() {
        return name.startsWith("file:");
    }

    /** Whether it opens an in-memory database, as the driver decides it. */
    public boolean inMemory() {
        return name.isEmpty() || name.equals(":memory:") || name.startsWith("file::memory:")
                || parameters.stream().anyMatch(p -> p.key().equals("mode") && p.value().equalsIgnoreCase("memory"));
    }

    /**
     * What makes the URL useless for migrations, in a sentence that follows {@code described}
     * (how messages show the URL); empty if nothing does.
     */
    public Optional<String> problem(String described) {
        if (inMemory()) {
            return Optional.of(inMemoryProblem("The JDBC URL " + described)
                    + " Use a database file, such as jdbc:sqlite:app.db (in tests, a file in a temporary directory).");
        }
        List<Parameter> unknown = parameters.stream().filter(p -> !DriverParameters.NAMES.contains(p.key())
                && !(isUri() && URI_PARAMETERS.contains(p.key()))).toList();
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        boolean one = unknown.size() == 1;
        String keys = String.join(", ", unknown.stream().map(p -> "\"" + p.key() + "\"").toList());
        String consequence = isUri() ? "SQLite would ignore " + (one ? "it" : "them")
                : "the driver would keep " + (one ? "it" : "them") + " in the file name and open a new database \"" + name
                        + "?" + String.join("&", unknown.stream().map(Parameter::text).toList()) + "\"";
        return Optional.of("The JDBC URL " + described + " has the parameter" + (one ? " " : "s ") + keys + ", which "
                + (isUri() ? "neither the SQLite driver nor SQLite knows" : "the SQLite driver does not know") + ": "
                + consequence + ". Remove " + (one ? "it" : "them") + ", or use the driver's parameters (the names of"
                + " org.sqlite.SQLiteConfig.Pragma, such as journal_mode or foreign_keys)"
                + (isUri() ? " or SQLite's URI parameters (" + String.join(", ", URI_PARAMETERS) + ")" : "") + ".");
    }

    /** Why an in-memory database is refused, after {@code what} opens it. */
    public static String inMemoryProblem(String what) {
        return what + " opens an in-memory SQLite database, whose migrations would vanish when Cairn closes its"
                + " connection at the end of each command.";
    }

    /**
     * The database file, relative to the working directory as the driver resolves it; empty for
     * an in-memory database or one from the class path ({@code :resource:}).
     */
    public Optional<Path> file() {
        if (inMemory() || name.startsWith(":resource:")) {
            return Optional.empty();
        }
        String path = name;
        try {
            if (isUri()) {
                path = name.substring("file:".length());
                if (path.startsWith("//")) {
                    // file://host/path: the authority (empty or localhost) is not part of the path.
                    int slash = path.indexOf('/', 2);
                    path = slash < 0 ? "" : path.substring(slash);
                }
                path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            }
            return path.isEmpty() ? Optional.empty() : Optional.of(Path.of(path));
        } catch (IllegalArgumentException unreadable) {
            // A malformed escape or path: the driver will say what is wrong when it opens it.
            return Optional.empty();
        }
    }
}
