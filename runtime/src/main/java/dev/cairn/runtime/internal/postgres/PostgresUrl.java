package dev.cairn.runtime.internal.postgres;

import dev.cairn.runtime.internal.ConnectionSource;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms of {@code jdbc:postgresql:} URL that Cairn refuses before connecting. The PostgreSQL
 * JDBC driver does not read {@code user:password@host} (libpq's form): it takes the whole of it
 * for a host name, and fails with an {@code UnknownHostException} that carries the password into
 * every stack trace.
 */
public final class PostgresUrl {

    /** Everything up to the last {@code @} before the query: a password may hold {@code /} or {@code :}. */
    private static final Pattern USER_INFO = Pattern.compile("(?i)(jdbc:postgresql://)([^?]*)@([^?]*)(\\?.*)?");

    private PostgresUrl() {
    }

    /** What is wrong with {@code jdbcUrl}, saying what to write instead; empty if nothing is. */
    public static Optional<String> problem(String jdbcUrl) {
        Matcher url = USER_INFO.matcher(jdbcUrl);
        if (!url.matches()) {
            return Optional.empty();
        }
        String userInfo = url.group(2);
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        boolean password = colon >= 0;
        String query = url.group(4) == null ? "" : ConnectionSource.redact(url.group(4));
        String given = url.group(1) + user + (password ? ":***" : "") + "@" + url.group(3) + query;
        String supported = url.group(1) + url.group(3) + (query.isEmpty() ? "?" : query + "&") + "user=" + user
                + (password ? "&password=***" : "");
        return Optional.of("The JDBC URL " + given + " puts the " + (password ? "user and password" : "user") + " before the"
                + " host, a form the PostgreSQL JDBC driver does not support: it would take " + (password ? "them" : "it")
                + " for part of the host name. Pass " + (password ? "them" : "it") + " as parameters instead: " + supported + ".");
    }
}
