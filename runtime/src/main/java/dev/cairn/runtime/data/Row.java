package dev.cairn.runtime.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One row of a data migration's source, read by column label (case-insensitive). Its values were
 * read when its batch was fetched, so reading them runs no statement.
 *
 * <p>A getter that cannot give what it is asked (an unknown column, SQL {@code NULL} for a
 * primitive, malformed JSON) throws a {@link BadRowException} naming the column and the row's key.
 */
public interface Row {

    /** The values of the migration's key columns, in the order {@link Batches#key} names them. */
    List<Object> key();

    /** The value as the driver gives it ({@code ResultSet.getObject}); {@code null} for SQL {@code NULL}. */
    Object get(String column);

    /** Whether the value is SQL {@code NULL}. */
    boolean isNull(String column);

    /** The value as text ({@code String.valueOf} of a non-text value); {@code null} for SQL {@code NULL}. */
    String string(String column);

    /** The value as a {@code Long} (a number, or text holding an integer); {@code null} for SQL {@code NULL}. */
    Long getLong(String column);

    /** The value as a {@code long}; SQL {@code NULL} is an error. */
    long longValue(String column);

    /** The value as an {@code int}; SQL {@code NULL} or a value out of range is an error. */
    int intValue(String column);

    /** The value as a {@code double} (a number, or text holding one); SQL {@code NULL} is an error. */
    double doubleValue(String column);

    /**
     * The value, JSON text, as a tree; SQL {@code NULL} gives a JSON {@code null} node
     * ({@link JsonNode#isNull()}). Malformed JSON is a {@link BadRowException} naming the column,
     * the row's key and where in the text the parser stopped.
     */
    JsonNode json(String column);

    /**
     * The value, JSON text, bound to {@code type} (a record or a bean) with Jackson; SQL
     * {@code NULL} gives {@code null}. Unknown JSON properties are ignored. Malformed JSON, or JSON
     * that does not fit {@code type}, is a {@link BadRowException} as for {@link #json(String)}.
     */
    <T> T json(String column, Class<T> type);
}
