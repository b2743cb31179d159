package dev.cairn.http.internal;

import java.util.Map;

/**
 * A refusal the API answers with its own status and code, such as 401 {@code UNAUTHORIZED} or
 * 409 {@code RUN_IN_PROGRESS}; errors of the runtime stay {@link dev.cairn.runtime.MigrationException}s
 * and are mapped by {@link ApiErrors}.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Map<String, String> headers;

    ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    ApiException(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "BAD_REQUEST", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "NOT_FOUND", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> headers() {
        return headers;
    }
}
