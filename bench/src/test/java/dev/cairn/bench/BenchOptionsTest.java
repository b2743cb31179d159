package dev.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static BenchOptions options(int samples, int warmCalls, int dataRows) {
        return new BenchOptions(samples, List.of(100, 1000, 5000), Set.copyOf(BenchOptions.SCENARIOS), warmCalls, dataRows, Path.of(""));
    }

    @Test
    void theFullRunsSettings_areFull() {
        assertTrue(options(5, 10, 1_000_000).isFull());
    }

    @Test
    void fewerWarmCalls_isATrial() {
        assertFalse(options(5, 3, 1_000_000).isFull());
    }

    @Test
    void fewerSamplesOrRows_isATrial() {
        assertFalse(options(1, 10, 1_000_000).isFull());
        assertFalse(options(5, 10, 20_000).isFull());
    }
}
