package dev.cairn.processor.validate;

import dev.cairn.MigrationVersion;
import dev.cairn.processor.model.MigrationGraph;
import dev.cairn.processor.model.MigrationGraph.Edge;
import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.model.MigrationModel.Dependency;
import dev.cairn.processor.plan.PlanOrder;
import dev.cairn.processor.report.Message;
import dev.cairn.processor.report.ValidationReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks the migrations as one graph: version syntax, duplicate versions, each dependency
 * (syntax, unknown, self, repeated, later) and cycles. Returns the plan order, which is only
 * meaningful when the report is clean.
 */
public final class GraphValidator {

    private final ValidationReport report;
    /** Dependencies on later versions, reported only when there is no cycle to fix first. */
    private final List<Runnable> laterDependencyWarnings = new ArrayList<>();
    /** The versions that are not versions, already reported. */
    private List<String> invalidVersionTexts = List.of();

    public GraphValidator(ValidationReport report) {
        this.report = report;
    }

    /** Validates the graph and returns the plan order. */
    public List<MigrationModel> validate(List<MigrationModel> migrations) {
        TreeMap<MigrationVersion, List<MigrationModel>> byVersion = groupByValidVersion(migrations);
        invalidVersionTexts = migrations.stream().filter(migration -> migration.version().isEmpty())
                .map(MigrationModel::versionText).toList();
        reportDuplicates(byVersion);
        List<MigrationModel> nodes = byVersion.values().stream().map(group -> group.get(0)).toList();
        Map<MigrationVersion, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            indexOf.put(nodes.get(i).requireVersion(), i);
        }
        List<List<Edge>> edges = new ArrayList<>();
        for (MigrationModel node : nodes) {
            edges.add(checkDependencies(node, indexOf, nodes));
        }
        MigrationGraph graph = new MigrationGraph(nodes, edges);
        List<MigrationModel> plan = PlanOrder.of(graph);
        if (plan.size() < graph.size()) {
            reportCycles(graph);
        } else {
            laterDependencyWarnings.forEach(Runnable::run);
        }
        return plan;
    }

    /** Reports invalid versions and groups the rest, each group sorted by class name. */
    private TreeMap<MigrationVersion, List<MigrationModel>> groupByValidVersion(List<MigrationModel> migrations) {
        TreeMap<MigrationVersion, List<MigrationModel>> byVersion = new TreeMap<>();
        for (MigrationModel migration : migrations) {
            if (migration.version().isEmpty()) {
                report.report(Message.INVALID_VERSION, migration.element(), migration.annotation(),
                        migration.versionValue(), migration.className(), migration.versionText(),
                        MigrationVersion.problem(migration.versionText()));
            } else {
                byVersion.computeIfAbsent(migration.requireVersion(), v -> new ArrayList<>()).add(migration);
            }
        }
        byVersion.values().forEach(group -> group.sort(Comparator.comparing(MigrationModel::className)));
        return byVersion;
    }

    private void reportDuplicates(TreeMap<MigrationVersion, List<MigrationModel>> byVersion) {
        for (List<MigrationModel> group : byVersion.values()) {
            if (group.size() < 2) {
                continue;
            }
            for (MigrationModel migration : group) {
                String others = group.stream().filter(other -> other != migration)
                        .map(MigrationModel::displayName).collect(Collectors.joining(", "));
                report.report(Message.DUPLICATE_VERSION, migration.element(), migration.annotation(),
                        migration.versionValue(), migration.displayName(), others);
            }
        }
    }

    /** Reports what is wrong with each dependency of {@code migration} and returns the sound ones. */
    private List<Edge> checkDependencies(MigrationModel migration, Map<MigrationVersion, Integer> indexOf,
                                         List<MigrationModel> nodes) {
        List<Edge> edges = new ArrayList<>();
        Set<MigrationVersion> seen = new HashSet<>();
        for (Dependency dependency : migration.dependencies()) {
            if (dependency.version().isEmpty()) {
                report(Message.INVALID_DEPENDENCY, migration, dependency, migration.displayName(),
                        dependency.text(), MigrationVersion.problem(dependency.text()));
                continue;
            }
            MigrationVersion target = dependency.version().get();
            Integer targetIndex = indexOf.get(target);
            if (target.equals(migration.requireVersion())) {
                report(Message.SELF_DEPENDENCY, migration, dependency, migration.displayName(), dependency.text());
            } else if (!seen.add(target)) {
                if (!migration.warningsSuppressed()) {
                    report(Message.DUPLICATE_DEPENDENCY, migration, dependency, migration.displayName(), dependency.text());
                }
            } else if (targetIndex == null) {
                if (!meantAnInvalidVersion(dependency.text(), nodes)) {
                    report(Message.UNKNOWN_DEPENDENCY, migration, dependency, migration.displayName(), dependency.text(),
                            suggestion(dependency.text(), migration, nodes));
                }
            } else {
                if (target.compareTo(migration.requireVersion()) > 0 && !migration.warningsSuppressed()) {
                    MigrationModel later = nodes.get(targetIndex);
                    laterDependencyWarnings.add(() -> report(Message.LATER_DEPENDENCY, migration, dependency,
                            migration.displayName(), later.displayName(), dependency.text()));
                }
                edges.add(new Edge(targetIndex, dependency));
            }
        }
        return edges;
    }

    /**
     * Whether an unknown dependency most likely names a migration whose version is mistyped
     * ("1" for a migration declared "1a"): that mistake is already reported, once.
     */
    private boolean meantAnInvalidVersion(String wanted, List<MigrationModel> nodes) {
        int toInvalid = invalidVersionTexts.stream()
                .mapToInt(text -> NearestVersion.editDistance(wanted, text)).min().orElse(Integer.MAX_VALUE);
        int toValid = nodes.stream()
                .mapToInt(node -> NearestVersion.editDistance(wanted, node.versionText())).min().orElse(Integer.MAX_VALUE);
        return toInvalid <= toValid;
    }

    private static String suggestion(String wanted, MigrationModel migration, List<MigrationModel> nodes) {
        List<MigrationModel> others = nodes.stream().filter(node -> node != migration).toList();
        return NearestVersion.suggest(wanted, others)
                .map(nearest -> " Did you mean " + nearest.displayName() + "?")
                .orElse(" Add a migration with that version, or remove the entry.");
    }

    /** Reports each cycle once on each of its members, the path starting at that member. */
    private void reportCycles(MigrationGraph graph) {
        Set<Integer> reported = new HashSet<>();
        for (List<Integer> cycle : new CycleFinder(graph).cycles()) {
            for (int position = 0; position < cycle.size() - 1; position++) {
                int member = cycle.get(position);
                if (!reported.add(member)) {
                    continue;
                }
                int next = cycle.get(position + 1);
                MigrationModel migration = graph.nodes().get(member);
                Dependency entry = graph.edges().get(member).stream()
                        .filter(edge -> edge.target() == next).findFirst().orElseThrow().dependency();
                report(Message.DEPENDENCY_CYCLE, migration, entry, migration.displayName(),
                        pathFrom(position, cycle, graph));
            }
        }
    }

    /** The cycle rotated to start at {@code position}: {@code 5 -> 4 -> 3 -> 5}. */
    private static String pathFrom(int position, List<Integer> cycle, MigrationGraph graph) {
        List<Integer> loop = cycle.subList(0, cycle.size() - 1);
        List<String> versions = new ArrayList<>();
        for (int step = 0; step <= loop.size(); step++) {
            versions.add(graph.nodes().get(loop.get((position + step) % loop.size())).versionText());
        }
        return String.join(" -> ", versions);
    }

    private void report(Message message, MigrationModel migration, Dependency dependency, Object... args) {
        report.report(message, migration.element(), migration.annotation(), dependency.value(), args);
    }
}
