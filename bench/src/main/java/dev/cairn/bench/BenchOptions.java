package dev.cairn.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one run measures, from system properties (the bench profile sets them from Maven
 * properties of the same names): {@code bench.samples} (5), {@code bench.sizes}
 * ({@code 100,1000,5000}), {@code bench.scenarios} ({@code all}, or some of {@code fresh},
 * {@code cold}, {@code warm}, {@code compile}, {@code data}), {@code bench.warmCalls} (10) and
 * {@code bench.dataRows} (1,000,000). Anything but the defaults is a trial, and RESULTS.md says so.
 */
record BenchOptions(int samples, List<Integer> sizes, Set<String> scenarios, int warmCalls, int dataRows, Path benchDir) {

    static final List<String> SCENARIOS = List.of("fresh", "cold", "warm", "compile", "data");
    private static final BenchOptions FULL = new BenchOptions(5, List.of(100, 1000, 5000), Set.copyOf(SCENARIOS),
            10, 1_000_000, Path.of(""));

    static BenchOptions fromSystemProperties() {
        String scenarios = System.getProperty("bench.scenarios", "all");
        Set<String> chosen = scenarios.equals("all") ? Set.copyOf(SCENARIOS)
                : Arrays.stream(scenarios.split(",")).map(String::trim).collect(Collectors.toSet());
        if (!SCENARIOS.containsAll(chosen)) {
            throw new IllegalArgumentException("bench.scenarios=" + scenarios + ": give all, or some of " + SCENARIOS);
        }
        BenchOptions options = new BenchOptions(Integer.getInteger("bench.samples", FULL.samples),
                Arrays.stream(System.getProperty("bench.sizes", "100,1000,5000").split(","))
                        .map(String::trim).map(Integer::valueOf).sorted().toList(),
                chosen, Integer.getInteger("bench.warmCalls", FULL.warmCalls),
                Integer.getInteger("bench.dataRows", FULL.dataRows), Path.of("").toAbsolutePath());
        if (options.samples < 1 || options.warmCalls < 1 || options.dataRows < 1 || options.sizes.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("bench.samples, bench.warmCalls, bench.dataRows and bench.sizes must be positive: " + options);
        }
        return options;
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    /** Whether this is the full run the issue asks for, rather than a trial with fewer samples, sizes, warm calls or rows. */
    boolean isFull() {
        return samples >= FULL.samples && sizes.containsAll(FULL.sizes) && scenarios.equals(FULL.scenarios)
                && warmCalls >= FULL.warmCalls && dataRows == FULL.dataRows;
    }

    Path target() {
        return benchDir.resolve("target");
    }
}
