package dev.cairn.processor.model;

import dev.cairn.MigrationVersion;
import dev.cairn.processor.model.MigrationGraph.Edge;
import dev.cairn.processor.model.MigrationModel.Dependency;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Graphs built directly, without a compiler, for testing the graph algorithms at scale. */
public final class TestGraphs {

    private TestGraphs() {
    }

    /** Nodes with versions "1" to "size"; each edge {from, to} says node from depends on node to. */
    public static MigrationGraph of(int size, int[][] edges) {
        List<MigrationModel> nodes = new ArrayList<>(size);
        List<List<Edge>> adjacency = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String version = Integer.toString(i + 1);
            nodes.add(new MigrationModel(null, null, "M" + version, version, Optional.of(MigrationVersion.parse(version)),
                    Locus.of(null), "M" + version, List.of(), true, Locus.of(null), true, true, Set.of(), "src1:",
                    Optional.empty()));
            adjacency.add(new ArrayList<>());
        }
        for (int[] edge : edges) {
            String target = Integer.toString(edge[1] + 1);
            adjacency.get(edge[0]).add(new Edge(edge[1],
                    new Dependency(target, Optional.of(MigrationVersion.parse(target)), Locus.of(null))));
        }
        return new MigrationGraph(nodes, adjacency);
    }

    /** Each node depends on the one before it. */
    public static MigrationGraph chain(int size) {
        int[][] edges = new int[size - 1][];
        for (int i = 1; i < size; i++) {
            edges[i - 1] = new int[] {i, i - 1};
        }
        return of(size, edges);
    }
}
