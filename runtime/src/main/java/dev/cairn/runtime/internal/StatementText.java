package dev.cairn.runtime.internal;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How a statement run with parameters is shown in dry-run scripts and failure messages: each
 * {@code ?} placeholder replaced by its value as an SQL literal, so that the script runs as it
 * reads. Where inlining could misread the statement or the value, the placeholders stay as they
 * are and the values go in a comment on the line above: a value with no literal that SQLite and
 * PostgreSQL read alike (bytes, time zones, enums), or SQL whose quoting this simple scanner does
 * not follow (PostgreSQL's dollar quotes, {@code E'...'} strings, {@code ??}, nested comments).
 * Binary values show as their length, {@code <byte[51200]>}: their digits help no reader.
 */
final class StatementText {

    /** Syntax where a {@code ?} or a quote may not mean what the scanner thinks: {@code $}, {@code E'}, {@code ??}. */
    private static final Pattern UNFOLLOWED = Pattern.compile("\\$|(?<![\\w$])[eE]'|\\?\\?");
    /** How much of a long text value a kept statement shows. */
    static final int KEPT_TEXT = 200;
    /** How much of a statement a message shows. */
    static final int SHOWN_STATEMENT = 2_000;
    /** How many elements of an array value a kept statement may hold before it shows only their number. */
    private static final int KEPT_ELEMENTS = 20;

    private StatementText() {
    }

    /**
     * The values of a statement to keep until it is shown: binary values as their length and,
     * unless {@code wholeText}, long text cut short and long arrays as their length, so that a
     * kept statement holds little memory whatever it was given. A copy: the caller's array may change.
     */
    static Object[] kept(Object[] params, boolean wholeText) {
        Object[] kept = params.clone();
        for (int i = 0; i < kept.length; i++) {
            Object value = kept[i];
            if (value instanceof byte[] bytes) {
                kept[i] = new Summary("<byte[" + bytes.length + "]>");
            } else if (!wholeText && value instanceof CharSequence text && text.length() > KEPT_TEXT) {
                kept[i] = text.subSequence(0, KEPT_TEXT) + "… (" + count(text.length()) + " characters)";
            } else if (!wholeText && value != null && value.getClass().isArray() && Array.getLength(value) > KEPT_ELEMENTS) {
                kept[i] = new Summary("<" + value.getClass().getComponentType().getSimpleName() + "[" + Array.getLength(value)
                        + "]>");
            }
        }
        return kept;
    }

    /** {@code text}, cut short for a message if it is longer than {@value #SHOWN_STATEMENT} characters. */
    static String shown(String text) {
        return text.length() <= SHOWN_STATEMENT ? text
                : text.substring(0, SHOWN_STATEMENT) + "… (" + count(text.length()) + " characters)";
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A value shown by a description instead of its content. */
    private record Summary(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    static String of(String sql, Object... values) {
        if (values.length == 0) {
            return sql;
        }
        Object[] params = kept(values, true);
        if (UNFOLLOWED.matcher(sql).find() || hasNestedComment(sql)) {
            return withParameterComment(sql, params);
        }
        String[] literals = new String[params.length];
        for (int i = 0; i < params.length; i++) {
            literals[i] = literal(params[i]);
            if (literals[i] == null) {
                return withParameterComment(sql, params);
            }
        }
        String inlined = inline(sql, literals);
        return inlined != null ? inlined : withParameterComment(sql, params);
    }

    /**
     * The statement as written below its values in a comment. Control characters are escaped: a
     * line break in a value would end the comment and put the rest of the value in the script as SQL.
     */
    private static String withParameterComment(String sql, Object... params) {
        String values = Arrays.deepToString(params);
        StringBuilder comment = new StringBuilder("-- parameters ");
        values.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> comment.append("\\n");
                case '\r' -> comment.append("\\r");
                case '\t' -> comment.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                        comment.append(String.format("\\u%04x", c));
                    } else {
                        comment.appendCodePoint(c);
                    }
                }
            }
        });
        return comment.append('\n').append(sql).toString();
    }

    /** Whether a block comment opens inside another, which PostgreSQL nests and SQLite does not. */
    private static boolean hasNestedComment(String sql) {
        for (int open = sql.indexOf("/*"); open >= 0; open = sql.indexOf("/*", open + 2)) {
            int close = sql.indexOf("*/", open + 2);
            int inner = sql.indexOf("/*", open + 2);
            if (inner >= 0 && (close < 0 || inner < close)) {
                return true;
            }
            if (close < 0) {
                return false;
            }
            open = close;
        }
        return false;
    }

    /**
     * The value as an SQL literal that SQLite and PostgreSQL read as the driver would bind it, or
     * null if it has none: only types that pgjdbc's setObject accepts and both databases spell alike.
     */
    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean bool) {
            return bool ? "TRUE" : "FALSE";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? value.toString() : null;
        }
        if (value instanceof String || value instanceof Character || value instanceof LocalDate
                || value instanceof LocalTime || value instanceof LocalDateTime || value instanceof UUID) {
            return "'" + value.toString().replace("'", "''") + "'";
        }
        return null;
    }
    /**
     * Replaces the placeholders outside quotes and comments, or returns null when their number
     * does not match the values (the statement is then shown as written).
     */
    private static String inline(String sql, String[] literals) {
        StringBuilder out = new StringBuilder(sql.length() + 16 * literals.length);
        int next = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            int skipTo = skipQuotedOrComment(sql, i);
            if (skipTo > i) {
                out.append(sql, i, skipTo);
                i = skipTo - 1;
            } else if (c == '?') {
                if (next == literals.length) {
                    return null;
                }
                out.append(literals[next++]);
            } else {
                out.append(c);
            }
        }
        return next == literals.length ? out.toString() : null;
    }

    /** The end of the quoted text or comment starting at {@code i}, or {@code i} if none starts there. */
    private static int skipQuotedOrComment(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"') {
            int end = sql.indexOf(c, i + 1);
            // A doubled quote inside is an escaped quote: the scan simply resumes after it.
            return end < 0 ? sql.length() : end + 1;
        }
        if (sql.startsWith("--", i)) {
            int end = sql.indexOf('\n', i);
            return end < 0 ? sql.length() : end;
        }
        if (sql.startsWith("/*", i)) {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? sql.length() : end + 2;
        }
        return i;
    }
}
