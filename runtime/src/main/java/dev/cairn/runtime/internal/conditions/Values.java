package dev.cairn.runtime.internal.conditions;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** How checks compare the values their queries return, and show them in messages. */
final class Values {

    /** Longer text is cut short in messages. */
    private static final int SHOWN_CHARACTERS = 80;

    private Values() {
    }

    /**
     * Whether a value found equals the one expected: numbers by value whatever their type, a
     * boolean as 1 or 0 too (SQLite stores booleans as integers), anything else by its text.
     */
    static boolean same(Object expected, Object found) {
        if (expected == null || found == null) {
            return expected == found;
        }
        if (expected instanceof Boolean flag && found instanceof Number number) {
            return same(flag ? 1 : 0, number);
        }
        if (expected instanceof Number a && found instanceof Number b) {
            BigDecimal x = decimal(a);
            BigDecimal y = decimal(b);
            return x != null && y != null ? x.compareTo(y) == 0 : a.toString().equals(b.toString());
        }
        return expected.toString().equals(found.toString());
    }

    /** The number's exact value; {@code null} for NaN and the infinities. */
    private static BigDecimal decimal(Number number) {
        try {
            return number instanceof BigDecimal exact ? exact : new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A value as a message shows it: text quoted and cut short, NULL for null. */
    static String shown(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof byte[] bytes) {
            return "(" + bytes.length + " bytes)";
        }
        String text = value.toString();
        return "'" + (text.length() > SHOWN_CHARACTERS ? text.substring(0, SHOWN_CHARACTERS) + "..." : text) + "'";
    }

    /** The current row as {@code label=value, ...}. */
    static String row(ResultSet row) throws SQLException {
        ResultSetMetaData meta = row.getMetaData();
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            values.add(meta.getColumnLabel(i) + "=" + shown(row.getObject(i)));
        }
        return String.join(", ", values);
    }
}
