package dev.cairn.runtime.data;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import java.util.List;
import java.util.Optional;

/**
 * A row of a data migration's source could not be read as asked: an unknown column, SQL
 * {@code NULL} for a primitive, malformed JSON. Thrown by {@link Row}'s getters; the migration then
 * fails naming the row, or under {@link OnError#QUARANTINE} sets the row aside.
 */
public class BadRowException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final String column;
    private final transient List<Object> key;

    /** For the engine, which reads the rows. */
    protected BadRowException(String column, List<Object> key, String message, Throwable cause) {
        super(ErrorCode.BAD_ROW, message, cause);
        this.column = column;
        this.key = List.copyOf(key);
    }

    /** The column whose value could not be read, if one could be named. */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    /** The row's key values. */
    public List<Object> key() {
        return key;
    }
}
