package dev.cairn.processor.validate;

import dev.cairn.processor.model.MigrationGraph;
import dev.cairn.processor.model.MigrationGraph.Edge;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Finds dependency cycles: the strongly connected components of the graph (Tarjan's algorithm,
 * iterative so that long dependency chains cannot overflow the stack, O(V + E)), and within each
 * component a set of cycles that together pass through every member.
 */
final class CycleFinder {

    private final MigrationGraph graph;

    CycleFinder(MigrationGraph graph) {
        this.graph = graph;
    }

    /**
     * Cycles covering every migration that is on one, each as the list of node indexes along
     * the dependency edges, starting and ending at the same node; no node starts two cycles.
     */
    List<List<Integer>> cycles() {
        List<List<Integer>> cycles = new ArrayList<>();
        for (List<Integer> component : stronglyConnectedComponents()) {
            BitSet members = new BitSet(graph.size());
            component.forEach(members::set);
            BitSet covered = new BitSet(graph.size());
            for (int start : component) {
                if (!covered.get(start)) {
                    List<Integer> cycle = shortestCycleThrough(start, members);
                    cycle.forEach(covered::set);
                    cycles.add(cycle);
                }
            }
        }
        return cycles;
    }

    /** Components of more than one node, members in ascending order (self-loops are not edges here). */
    private List<List<Integer>> stronglyConnectedComponents() {
        int size = graph.size();
        int[] index = new int[size];
        int[] low = new int[size];
        int[] nextEdge = new int[size];
        Arrays.fill(index, -1);
        BitSet onStack = new BitSet(size);
        Deque<Integer> stack = new ArrayDeque<>();
        Deque<Integer> calls = new ArrayDeque<>();
        List<List<Integer>> components = new ArrayList<>();
        int counter = 0;
        for (int root = 0; root < size; root++) {
            if (index[root] != -1) {
                continue;
            }
            index[root] = low[root] = counter++;
            stack.push(root);
            onStack.set(root);
            calls.push(root);
            while (!calls.isEmpty()) {
                int node = calls.peek();
                List<Edge> edges = graph.edges().get(node);
                if (nextEdge[node] < edges.size()) {
                    int target = edges.get(nextEdge[node]++).target();
                    if (index[target] == -1) {
                        index[target] = low[target] = counter++;
                        stack.push(target);
                        onStack.set(target);
                        calls.push(target);
                    } else if (onStack.get(target)) {
                        low[node] = Math.min(low[node], index[target]);
                    }
                    continue;
                }
                calls.pop();
                if (!calls.isEmpty()) {
                    low[calls.peek()] = Math.min(low[calls.peek()], low[node]);
                }
                if (low[node] == index[node]) {
                    List<Integer> component = new ArrayList<>();
                    int member;
                    do {
                        member = stack.pop();
                        onStack.clear(member);
                        component.add(member);
                    } while (member != node);
                    if (component.size() > 1) {
                        Collections.sort(component);
                        components.add(component);
                    }
                }
            }
        }
        return components;
    }

    /** Breadth-first search inside the component from {@code start} back to itself. */
    private List<Integer> shortestCycleThrough(int start, BitSet members) {
        int[] cameFrom = new int[graph.size()];
        Arrays.fill(cameFrom, -1);
        Deque<Integer> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (Edge edge : graph.edges().get(node)) {
                int target = edge.target();
                if (target == start) {
                    return pathTo(node, start, cameFrom);
                }
                if (members.get(target) && cameFrom[target] == -1) {
                    cameFrom[target] = node;
                    queue.add(target);
                }
            }
        }
        throw new IllegalStateException("node " + start + " is in a component but on no cycle");
    }

    private static List<Integer> pathTo(int last, int start, int[] cameFrom) {
        List<Integer> path = new ArrayList<>();
        path.add(start);
        for (int node = last; node != start; node = cameFrom[node]) {
            path.add(node);
        }
        Collections.reverse(path.subList(1, path.size()));
        path.add(start);
        return path;
    }
}
