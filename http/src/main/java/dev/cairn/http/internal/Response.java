package dev.cairn.http.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an endpoint answers: a status, headers and a body of a content type. Immutable.
 */
record Response(int status, Map<String, String> headers, String contentType, byte[] body) {

    static final String JSON = "application/json; charset=utf-8";

    Response {
        headers = Map.copyOf(headers);
    }

    static Response json(int status, Object document) {
        return new Response(status, Map.of(), JSON, Json.bytes(document));
    }

    static Response ok(Object document) {
        return json(200, document);
    }

    Response withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Response(status, more, contentType, body);
    }
}
