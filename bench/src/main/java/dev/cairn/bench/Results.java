package dev.cairn.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every sample of a run, by scenario, database, size (migrations, or workers for the data
 * scenario) and tool, each sample a set of named numbers ({@code ms}, {@code wallMs},
 * {@code rssMiB}, ...).
 */
final class Results {

    /** Where a sample belongs. */
    record Key(String scenario, String database, int size, String tool) {
    }

    private final Map<Key, List<Map<String, Double>>> samples = new LinkedHashMap<>();

    void add(Key key, Map<String, Double> sample) {
        samples.computeIfAbsent(key, k -> new ArrayList<>()).add(sample);
    }

    /** The summary of one measure over a key's samples, if it has any. */
    Optional<Summary> summary(Key key, String measure) {
        return values(key, measure).map(Summary::of);
    }

    /** One measure of a key's samples in the order they were taken, if it has any. */
    Optional<List<Double>> values(Key key, String measure) {
        List<Map<String, Double>> list = samples.get(key);
        return list == null ? Optional.empty() : Optional.of(list.stream().map(s -> s.get(measure)).toList());
    }

    Summary require(Key key, String measure) {
        return summary(key, measure).orElseThrow(() -> new IllegalStateException("no samples for " + key));
    }

    boolean has(Key key) {
        return samples.containsKey(key);
    }
}
