package dev.cairn.runtime.internal.data;

import dev.cairn.runtime.data.BadRowException;
import java.util.List;

/** The engine's {@link BadRowException}. */
final class RowError extends BadRowException {

    private static final long serialVersionUID = 1L;

    RowError(String column, List<Object> key, String message, Throwable cause) {
        super(column, key, message, cause);
    }

    /** Named as the API type callers catch. */
    @Override
    public String toString() {
        return BadRowException.class.getName() + ": " + getMessage();
    }
}
