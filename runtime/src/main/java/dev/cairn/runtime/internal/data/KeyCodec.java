package dev.cairn.runtime.internal.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes a key's values into a checkpoint as text, and reads them back as the same Java types, so
 * that the next batch binds them as the driver gave them: {@code [["long","42"],["uuid","..."]]}.
 */
final class KeyCodec {

    private KeyCodec() {
    }

    /** The checkpoint text of {@code key}; {@code null} for none. */
    static String encode(List<Object> key) {
        if (key == null) {
            return null;
        }
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Object value : key) {
            ArrayNode typed = array.addArray();
            typed.add(tag(value));
            typed.add(text(value));
        }
        return array.toString();
    }

    /** The key written by {@link #encode}; {@code null} for {@code null}. */
    static List<Object> decode(String text) {
        if (text == null) {
            return null;
        }
        try {
            List<Object> key = new ArrayList<>();
            for (JsonNode typed : Json.MAPPER.readTree(text)) {
                key.add(value(typed.get(0).asText(), typed.get(1).asText()));
            }
            return key;
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("The checkpoint key " + text + " in Cairn's data table cannot be read (" + e
                    + "); was it edited by hand?", e);
        }
    }

    /** Whether two keys are equal as the database compares them (an {@code Integer} 7 equals a {@code Long} 7). */
    static boolean same(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x instanceof Number n && y instanceof Number m) {
                if (new BigDecimal(n.toString()).compareTo(new BigDecimal(m.toString())) != 0) {
                    return false;
                }
            } else if (x instanceof byte[] p && y instanceof byte[] q) {
                if (!Arrays.equals(p, q)) {
                    return false;
                }
            } else if (!Objects.equals(x, y)) {
                return false;
            }
        }
        return true;
    }

    /** The name of a key value's type; a type not listed cannot be a key. */
    static String tag(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return "int";
        }
        if (value instanceof Long) {
            return "long";
        }
        if (value instanceof BigInteger) {
            return "bigint";
        }
        if (value instanceof BigDecimal) {
            return "decimal";
        }
        if (value instanceof Double || value instanceof Float) {
            return "double";
        }
        if (value instanceof String) {
            return "text";
        }
        if (value instanceof UUID) {
            return "uuid";
        }
        if (value instanceof Timestamp) {
            return "timestamp";
        }
        if (value instanceof Date) {
            return "date";
        }
        if (value instanceof OffsetDateTime) {
            return "offsetdatetime";
        }
        if (value instanceof LocalDateTime) {
            return "localdatetime";
        }
        if (value instanceof LocalDate) {
            return "localdate";
        }
        if (value instanceof Instant) {
            return "instant";
        }
        if (value instanceof byte[]) {
            return "bytes";
        }
        throw new IllegalArgumentException(value == null ? "a key value is NULL"
                : "a key value of type " + value.getClass().getName() + " cannot be kept in a checkpoint");
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        // As an instant, not in this JVM's time zone: another instance, in another zone, may resume the run.
        return value instanceof Timestamp timestamp ? timestamp.toInstant().toString() : value.toString();
    }

    private static Object value(String tag, String text) {
        return switch (tag) {
            case "int" -> Integer.valueOf(text);
            case "long" -> Long.valueOf(text);
            case "bigint" -> new BigInteger(text);
            case "decimal" -> new BigDecimal(text);
            case "double" -> Double.valueOf(text);
            case "text" -> text;
            case "uuid" -> UUID.fromString(text);
            case "timestamp" -> Timestamp.from(Instant.parse(text));
            case "date" -> Date.valueOf(text);
            case "offsetdatetime" -> OffsetDateTime.parse(text);
            case "localdatetime" -> LocalDateTime.parse(text);
            case "localdate" -> LocalDate.parse(text);
            case "instant" -> Instant.parse(text);
            case "bytes" -> Base64.getDecoder().decode(text);
            default -> throw new IllegalArgumentException("unknown key type " + tag);
        };
    }
}
