package dev.cairn.runtime.internal.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.cairn.runtime.data.Row;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One fetched row of a batch: its values by column, read once from the result set. */
final class RowValues implements Row {

    private final Columns columns;
    private final Object[] values;
    private final List<Object> key;

    RowValues(Columns columns, Object[] values, List<Object> key) {
        this.columns = columns;
        this.values = values;
        this.key = key;
    }

    @Override
    public List<Object> key() {
        return key;
    }

    @Override
    public Object get(String column) {
        return values[columns.index(column, key)];
    }

    @Override
    public boolean isNull(String column) {
        return get(column) == null;
    }

    @Override
    public String string(String column) {
        Object value = get(column);
        return value == null ? null : value.toString();
    }

    @Override
    public Long getLong(String column) {
        Object value = get(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && !(value instanceof Double || value instanceof Float)) {
            return number.longValue();
        }
        try {
            return Long.valueOf(value.toString().strip());
        } catch (NumberFormatException e) {
            throw wrongType(column, value, "an integer", e);
        }
    }

    @Override
    public long longValue(String column) {
        Long value = getLong(column);
        if (value == null) {
            throw isNullError(column, "longValue");
        }
        return value;
    }

    @Override
    public int intValue(String column) {
        long value = longValue(column);
        if (value != (int) value) {
            throw wrongType(column, value, "an int (it is out of range)", null);
        }
        return (int) value;
    }

    @Override
    public double doubleValue(String column) {
        Object value = get(column);
        if (value == null) {
            throw isNullError(column, "doubleValue");
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString().strip());
        } catch (NumberFormatException e) {
            throw wrongType(column, value, "a number", e);
        }
    }

    @Override
    public JsonNode json(String column) {
        String text = string(column);
        if (text == null) {
            return NullNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed(column, e);
        }
    }

    @Override
    public <T> T json(String column, Class<T> type) {
        String text = string(column);
        if (text == null) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(text, type);
        } catch (JsonParseException e) {
            throw malformed(column, e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new RowError(column, key, "Column " + column + " of the row with key " + key + " holds JSON that does not fit "
                    + type.getName() + where(at) + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The raw values by column, as JSON text, for the quarantine table. */
    String raw() {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            raw.put(columns.label(i), values[i] == null ? null : values[i].toString());
        }
        return Json.write(raw);
    }

    private RowError malformed(String column, JsonProcessingException e) {
        return new RowError(column, key, "Column " + column + " of the row with key " + key + " is not valid JSON"
                + where(e.getLocation()) + ": " + e.getOriginalMessage(), e);
    }

    private static String where(JsonLocation at) {
        return at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private RowError isNullError(String column, String method) {
        return new RowError(column, key, "Column " + column + " of the row with key " + key + " is NULL, which " + method
                + "() cannot return: test isNull(\"" + column + "\") first, or read it with get() or getLong()", null);
    }

    private RowError wrongType(String column, Object value, String wanted, Exception cause) {
        return new RowError(column, key, "Column " + column + " of the row with key " + key + " holds " + shorten(value)
                + " (" + value.getClass().getSimpleName() + "), which is not " + wanted, cause);
    }

    private static String shorten(Object value) {
        String text = String.valueOf(value);
        return text.length() > 60 ? "\"" + text.substring(0, 60) + "...\"" : "\"" + text + "\"";
    }

    /** The columns of a batch's result, shared by its rows: labels looked up without regard to case. */
    static final class Columns {
        private final List<String> labels;
        private final Map<String, Integer> index = new LinkedHashMap<>();

        Columns(List<String> labels) {
            this.labels = List.copyOf(labels);
            for (int i = 0; i < labels.size(); i++) {
                index.putIfAbsent(labels.get(i).toLowerCase(Locale.ROOT), i);
            }
        }

        int size() {
            return labels.size();
        }

        String label(int i) {
            return labels.get(i);
        }

        /** The position of {@code column}; -1 if absent. */
        int find(String column) {
            return index.getOrDefault(column.toLowerCase(Locale.ROOT), -1);
        }

        int index(String column, List<Object> key) {
            int at = find(column);
            if (at < 0) {
                throw new RowError(column, key, "The row with key " + key + " has no column " + column + "; its columns are "
                        + String.join(", ", labels) + " (add it to select(...))", null);
            }
            return at;
        }
    }
}
