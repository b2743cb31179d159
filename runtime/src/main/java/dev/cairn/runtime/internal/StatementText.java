package dev.cairn.runtime.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * How a statement run with parameters is shown in dry-run scripts and failure messages: each
 * {@code ?} placeholder replaced by its value as an SQL literal, so that the script runs as it
 * reads. A value with no literal that both SQLite and PostgreSQL read the same way (bytes, for
 * instance) leaves the placeholders as they are, with the values in a comment on the line above.
 */
final class StatementText {

    private StatementText() {
    }

    static String of(String sql, Object... params) {
        if (params.length == 0) {
            return sql;
        }
        String[] literals = new String[params.length];
        for (int i = 0; i < params.length; i++) {
            literals[i] = literal(params[i]);
            if (literals[i] == null) {
                return "-- parameters " + Arrays.deepToString(params) + "\n" + sql;
            }
        }
        String inlined = inline(sql, literals);
        return inlined != null ? inlined : "-- parameters " + Arrays.deepToString(params) + "\n" + sql;
    }

    /** The value as an SQL literal, or null if it has no portable one. */
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
        if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>
                || value instanceof java.time.temporal.Temporal || value instanceof java.util.UUID) {
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
