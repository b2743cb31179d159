package dev.cairn.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cairn.MigrationVersion;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The API's JSON: one mapper for reading bodies and writing answers, which are maps and lists of
 * plain values. Versions are strings, times ISO-8601 strings in UTC, durations milliseconds.
 */
final class Json {

    /** Refuses a body that names a field twice, rather than keep one of the two silently. */
    static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private Json() {
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An answer of maps, lists and plain values is always JSON", e);
        }
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static List<String> versions(Collection<MigrationVersion> versions) {
        return versions.stream().map(MigrationVersion::toString).toList();
    }
}
