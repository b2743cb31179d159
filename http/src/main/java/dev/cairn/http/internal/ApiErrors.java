package dev.cairn.http.internal;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON errors of the API: {@code {"error":{"code":..., "message":...}}}, with the HTTP status
 * that fits a {@link MigrationException}'s code. The runtime's messages never hold credentials, so
 * they are passed on as they are.
 */
final class ApiErrors {

    private ApiErrors() {
    }

    /** The status of a command's error: what a client should do differs between "no such thing", "not now" and "broken". */
    static int status(ErrorCode code) {
        return switch (code) {
            case INVALID_CONFIGURATION -> 400;
            case NOT_IN_BUILD, NOT_APPLIED, NO_DATABASE -> 404;
            case IRREVERSIBLE, LOCK_TIMEOUT, CHECKSUM_MISMATCH, UNKNOWN_APPLIED, INVALID_PLAN, OUT_OF_ORDER -> 409;
            case CONNECTION -> 503;
            default -> 500;
        };
    }

    static Response of(MigrationException error) {
        return Response.json(status(error.code()), body(error.code().name(), error.getMessage()));
    }

    static Response of(ApiException error) {
        Response response = Response.json(error.status(), body(error.code(), error.getMessage()));
        for (Map.Entry<String, String> header : error.headers().entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }

    /** The {@code {"error": ...}} document. */
    static Map<String, Object> body(String code, String message) {
        return Map.of("error", error(code, message));
    }

    /** The {@code {"code", "message"}} object, as a run's {@code error} holds it too. */
    static Map<String, Object> error(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return error;
    }
}
