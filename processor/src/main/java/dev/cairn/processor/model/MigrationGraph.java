package dev.cairn.processor.model;

import dev.cairn.processor.model.MigrationModel.Dependency;
import java.util.List;

/**
 * The dependency graph of the migrations whose versions are valid and unique. Node indexes
 * follow version order; an edge goes from a migration to one of its prerequisites.
 *
 * @param nodes the migrations in version order
 * @param edges for each node, its prerequisites
 */
public record MigrationGraph(List<MigrationModel> nodes, List<List<Edge>> edges) {

    public MigrationGraph {
        nodes = List.copyOf(nodes);
        edges = edges.stream().map(List::copyOf).toList();
    }

    /** Number of migrations. */
    public int size() {
        return nodes.size();
    }

    /**
     * A prerequisite.
     *
     * @param target the index of the prerequisite migration
     * @param dependency the {@code dependsOn} entry that names it
     */
    public record Edge(int target, Dependency dependency) {
    }
}
