package dev.cairn.bench.child;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a child JVM tells the harness: one JSON line on standard output, starting with
 * {@link #MARKER}. Written by hand, so that no child loads a JSON library the tool it measures
 * would not load.
 */
public final class ChildOutput {

    /** The start of the one line the harness reads. */
    public static final String MARKER = "#bench ";

    private final Map<String, String> fields = new LinkedHashMap<>();

    /** Adds a number. */
    public ChildOutput put(String name, long value) {
        fields.put(name, Long.toString(value));
        return this;
    }

    /** Adds a list of numbers. */
    public ChildOutput put(String name, List<Long> values) {
        fields.put(name, values.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")));
        return this;
    }

    /** Adds a text without quotes, backslashes or control characters (checked). */
    public ChildOutput put(String name, String value) {
        if (!value.chars().allMatch(c -> c >= ' ' && c != '"' && c != '\\')) {
            throw new IllegalArgumentException("not a plain text: " + value);
        }
        fields.put(name, '"' + value + '"');
        return this;
    }

    /** Adds the process's peak resident set size (VmHWM) in KiB, read now. */
    public ChildOutput peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return put("peakRssKiB", Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc/self/status for the peak RSS", e);
        }
        throw new IllegalStateException("/proc/self/status has no VmHWM line");
    }

    /** Prints the line. */
    public void print() {
        System.out.println(MARKER + fields.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "\"%s\":%s", e.getKey(), e.getValue()))
                .collect(Collectors.joining(",", "{", "}")));
        System.out.flush();
    }
}
