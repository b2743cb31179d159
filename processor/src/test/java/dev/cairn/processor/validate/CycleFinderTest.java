package dev.cairn.processor.validate;

import static com.google.common.truth.Truth.assertThat;

import dev.cairn.processor.model.MigrationGraph;
import dev.cairn.processor.model.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycleFinderTest {

    @Test
    void acyclicGraph_hasNoCycles() {
        MigrationGraph graph = TestGraphs.chain(10);

        assertThat(new CycleFinder(graph).cycles()).isEmpty();
    }

    @Test
    void everyMemberOfAComponent_isCoveredByACycle() {
        // 0 -> 1 -> 0 and 1 -> 2 -> 1: one component of three, two cycles through 1.
        MigrationGraph graph = TestGraphs.of(3, new int[][] {{0, 1}, {1, 0}, {1, 2}, {2, 1}});

        List<List<Integer>> cycles = new CycleFinder(graph).cycles();

        assertThat(cycles).containsExactly(List.of(0, 1, 0), List.of(2, 1, 2)).inOrder();
    }

    @Test
    void aCycleThroughTwoHundredThousandMigrations_isFoundWithoutOverflowingTheStack() {
        int size = 200_000;
        int[][] edges = new int[size][];
        for (int i = 0; i < size; i++) {
            edges[i] = new int[] {i, (i + 1) % size};
        }

        List<List<Integer>> cycles = new CycleFinder(TestGraphs.of(size, edges)).cycles();

        assertThat(cycles).hasSize(1);
        assertThat(cycles.get(0)).hasSize(size + 1);
        assertThat(cycles.get(0).get(1)).isEqualTo(1);
    }
}
