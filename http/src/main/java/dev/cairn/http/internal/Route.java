package dev.cairn.http.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One endpoint: a method, a path pattern ({@code /migrations/{version}}; a last segment {@code **}
 * takes the rest of the path as the parameter {@code path}), the scope it needs, and what answers it.
 */
record Route(String method, String pattern, Scope scope, Endpoint endpoint) {

    /** What answers a request. */
    @FunctionalInterface
    interface Endpoint {
        Response answer(Request request);
    }

    private static final String REST = "**";

    List<String> segments() {
        return segments(pattern);
    }

    /** The parameters of {@code path}'s segments if this pattern matches them. */
    Optional<Map<String, String>> match(List<String> path) {
        List<String> own = segments();
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < own.size(); i++) {
            String segment = own.get(i);
            if (segment.equals(REST)) {
                if (i >= path.size()) {
                    return Optional.empty();
                }
                parameters.put("path", String.join("/", path.subList(i, path.size())));
                return Optional.of(parameters);
            }
            if (i >= path.size()) {
                return Optional.empty();
            }
            if (segment.startsWith("{")) {
                parameters.put(segment.substring(1, segment.length() - 1), path.get(i));
            } else if (!segment.equals(path.get(i))) {
                return Optional.empty();
            }
        }
        return own.size() == path.size() ? Optional.of(parameters) : Optional.empty();
    }

    /**
     * How specific the pattern is, segment by segment: a literal beats a parameter, which beats the
     * rest of the path. {@code /migrations/status} wins over {@code /migrations/{version}}.
     */
    int[] specificity() {
        return segments().stream().mapToInt(s -> s.equals(REST) ? 0 : s.startsWith("{") ? 1 : 2).toArray();
    }

    static int compareSpecificity(Route a, Route b) {
        return Arrays.compare(a.specificity(), b.specificity());
    }

    /** A path's segments: {@code /} has none; an empty segment ({@code //}, a trailing {@code /}) is kept, and matches nothing. */
    static List<String> segments(String path) {
        return path.equals("/") ? List.of() : List.of(path.substring(1).split("/", -1));
    }
}
