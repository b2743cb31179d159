package dev.cairn.bench.child;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeapAfterCollectionsTest {

    private static MemoryUsage used(long bytes) {
        return new MemoryUsage(0, bytes, bytes, -1);
    }

    @Test
    void inUseAfter_sumsTheHeapPoolsOfOneCollection_andLeavesTheOthersOut() {
        Map<String, MemoryUsage> afterGc = Map.of("G1 Eden Space", used(0), "G1 Old Gen", used(300), "G1 Survivor Space", used(20),
                "Metaspace", used(5_000), "CodeHeap 'non-nmethods'", used(7_000));
        assertEquals(320, HeapAfterCollections.inUseAfter(afterGc, Set.of("G1 Eden Space", "G1 Old Gen", "G1 Survivor Space")));
    }
}
