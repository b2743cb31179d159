package dev.cairn.runtime;

import java.util.Objects;

/**
 * The root of every error Cairn reports at run time. Unchecked; {@link #code()} says which kind
 * of error it is, and subclasses carry the facts (version, statement, SQLState).
 */
public class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public MigrationException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public MigrationException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The kind of error. */
    public ErrorCode code() {
        return code;
    }
}
