package dev.cairn.maven;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Puts a {@link Login} into a JDBC URL, where the runtime reads it and keeps the password out of every message. */
final class JdbcUrls {

    private JdbcUrls() {
    }

    /**
     * The URL with {@code user} and {@code password} parameters added, unless it has them already.
     * SQLite has no login: its URLs are returned as they are (an unknown parameter would become part
     * of the file name, which the runtime refuses).
     */
    static String withLogin(String url, Login login) {
        if (url.startsWith("jdbc:sqlite:")) {
            return url;
        }
        StringBuilder result = new StringBuilder(url);
        append(result, "user", login.user());
        append(result, "password", login.password());
        return result.toString();
    }

    private static void append(StringBuilder url, String name, String value) {
        if (value == null || Pattern.compile("(?i)[?&;]" + name + "=").matcher(url).find()) {
            return;
        }
        url.append(url.indexOf("?") < 0 ? '?' : '&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
