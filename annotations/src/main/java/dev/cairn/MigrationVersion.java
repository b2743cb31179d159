package dev.cairn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A migration version: dot-separated non-negative integers such as {@code "1"}, {@code "2.1"} or
 * {@code "2024.01.27.1"}.
 *
 * <p>Versions compare numerically segment by segment, so {@code "2.10"} comes after
 * {@code "2.9"}. Leading zeros and trailing zero segments do not matter: {@code "2"},
 * {@code "02"} and {@code "2.0"} are the same version. Segments may be arbitrarily long, so
 * timestamp versions such as {@code "20240127093000"} work. {@link #toString()} returns the text
 * as written.
 *
 * <p>The annotation processor and the runtime share this one definition, so a version the
 * compiler accepts is a version the runtime understands.
 */
public final class MigrationVersion implements Comparable<MigrationVersion> {

    private final String text;
    /** Segments without leading zeros, trailing zero segments removed: the identity. */
    private final String[] segments;

    private MigrationVersion(String text, String[] segments) {
        this.text = text;
        this.segments = segments;
    }

    /**
     * Parses a version.
     *
     * @throws IllegalArgumentException if {@code text} is not a version; the message says why
     */
    public static MigrationVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "\"" + text + "\" is not a migration version: " + problem(text)));
    }

    /** Parses a version, or returns empty if {@code text} is not one. */
    public static Optional<MigrationVersion> tryParse(String text) {
        if (text == null || problem(text) != null) {
            return Optional.empty();
        }
        List<String> canonical = new ArrayList<>();
        for (String segment : text.split("\\.", -1)) {
            canonical.add(stripLeadingZeros(segment));
        }
        int length = canonical.size();
        while (length > 1 && canonical.get(length - 1).equals("0")) {
            length--;
        }
        return Optional.of(new MigrationVersion(text, canonical.subList(0, length).toArray(String[]::new)));
    }

    /**
     * Says what is wrong with {@code text} as a version, or returns {@code null} if it is one.
     * Used for error messages at compile time and at run time alike.
     */
    public static String problem(String text) {
        if (text.isEmpty()) {
            return "it is empty; use dot-separated non-negative integers such as \"3\" or \"2.1\"";
        }
        for (String segment : text.split("\\.", -1)) {
            if (segment.isEmpty()) {
                return "it has an empty segment; use dot-separated non-negative integers such as \"3\" or \"2.1\"";
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (c < '0' || c > '9') {
                    return "'" + c + "' is not a digit; use dot-separated non-negative integers such as \"3\" or \"2.1\"";
                }
            }
        }
        return null;
    }

    private static String stripLeadingZeros(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }

    /**
     * A Java identifier for this version, as used for the registry's constants:
     * {@code "2.1"} becomes {@code V2_1}.
     */
    public String constantName() {
        return "V" + text.replace('.', '_');
    }

    @Override
    public int compareTo(MigrationVersion other) {
        int shared = Math.min(segments.length, other.segments.length);
        for (int i = 0; i < shared; i++) {
            int order = compareDigits(segments[i], other.segments[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(segments.length, other.segments.length);
    }

    /** Compares two digit strings without leading zeros as numbers of any size. */
    private static int compareDigits(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationVersion other && Arrays.equals(segments, other.segments);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(segments);
    }

    /**
     * The version in the one form all its spellings share: without leading zeros or trailing zero
     * segments, so {@code "02.1.0"} is {@code "2.1"}.
     */
    public String canonical() {
        return String.join(".", segments);
    }

    /** The version as written, for example {@code "2.1"}. */
    @Override
    public String toString() {
        return text;
    }
}
