package dev.cairn.processor.plan;

import dev.cairn.processor.model.MigrationGraph;
import dev.cairn.processor.model.MigrationGraph.Edge;
import dev.cairn.processor.model.MigrationModel;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The order migrations are applied in: every migration after all of its prerequisites, and
 * among the migrations that are ready at the same time, the lowest version first. Kahn's
 * algorithm with a priority queue, O((V + E) log V).
 */
public final class PlanOrder {

    private PlanOrder() {
    }

    /**
     * Orders the graph. If the graph has a cycle, the members of the cycle and everything that
     * depends on them are missing from the result, which is then shorter than the graph.
     */
    public static List<MigrationModel> of(MigrationGraph graph) {
        int size = graph.size();
        int[] unmetPrerequisites = new int[size];
        List<List<Integer>> dependents = new ArrayList<>(size);
        for (int node = 0; node < size; node++) {
            dependents.add(new ArrayList<>());
        }
        for (int node = 0; node < size; node++) {
            for (Edge edge : graph.edges().get(node)) {
                unmetPrerequisites[node]++;
                dependents.get(edge.target()).add(node);
            }
        }
        // Node indexes follow version order, so the smallest ready index is the lowest version.
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int node = 0; node < size; node++) {
            if (unmetPrerequisites[node] == 0) {
                ready.add(node);
            }
        }
        List<MigrationModel> plan = new ArrayList<>(size);
        while (!ready.isEmpty()) {
            int node = ready.poll();
            plan.add(graph.nodes().get(node));
            for (int dependent : dependents.get(node)) {
                if (--unmetPrerequisites[dependent] == 0) {
                    ready.add(dependent);
                }
            }
        }
        return plan;
    }
}
