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
import java.util.BitSet;
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

    /** A cycle path of more members than this is shortened in the middle. */
    private static final int PATH_MEMBERS_SHOWN = 12;
    /** How many members a shortened path shows at each end. */
    private static final int PATH_END_SHOWN = PATH_MEMBERS_SHOWN / 2;

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
                report.report(Message.INVALID_VERSION, migration, migration.versionLocus(),
                        migration.className(), migration.versionText(),
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
                report.report(Message.DUPLICATE_VERSION, migration, migration.versionLocus(),
                        migration.displayName(), others);
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
                if (!migration.suppresses(Message.DUPLICATE_DEPENDENCY.keyName())) {
                    report(Message.DUPLICATE_DEPENDENCY, migration, dependency, migration.displayName(), dependency.text());
                }
            } else if (targetIndex == null) {
                if (!meantAnInvalidVersion(dependency.text(), nodes)) {
                    report(Message.UNKNOWN_DEPENDENCY, migration, dependency, migration.displayName(), dependency.text(),
                            suggestion(dependency.text(), migration, nodes));
                }
            } else {
                if (target.compareTo(migration.requireVersion()) > 0 && !migration.suppresses(Message.LATER_DEPENDENCY.keyName())) {
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

    /**
     * Reports each cycle on each of its members, on the {@code dependsOn} entry that leads along
     * it, so that the IDE marks every entry that could be removed: in full once, on the member it
     * starts at (for the first cycle of a component, its lowest version), and on each other member
     * as a short pointer to that one. A cycle through hundreds of migrations thus costs one short
     * error per member, not its whole path on each.
     */
    private void reportCycles(MigrationGraph graph) {
        BitSet reported = new BitSet(graph.size());
        for (List<Integer> cycle : new CycleFinder(graph).cycles()) {
            // CycleFinder starts each cycle at a node no earlier cycle covers: it is not reported yet.
            MigrationModel start = graph.nodes().get(cycle.get(0));
            for (int position = 0; position < cycle.size() - 1; position++) {
                int member = cycle.get(position);
                if (reported.get(member)) {
                    continue;
                }
                reported.set(member);
                MigrationModel migration = graph.nodes().get(member);
                int next = cycle.get(position + 1);
                Dependency entry = graph.edges().get(member).stream()
                        .filter(edge -> edge.target() == next).findFirst().orElseThrow().dependency();
                if (position == 0) {
                    report(Message.DEPENDENCY_CYCLE, migration, entry, migration.displayName(), cycle.size() - 1,
                            path(cycle, graph));
                } else {
                    report(Message.DEPENDENCY_CYCLE_MEMBER, migration, entry, migration.displayName(),
                            start.displayName());
                }
            }
        }
    }

    /**
     * The cycle's versions along its edges, {@code 3 -> 5 -> 4 -> 3}; past
     * {@value #PATH_MEMBERS_SHOWN} members only the first and last {@value #PATH_END_SHOWN}, with
     * the number left out between them, so that the message stays short.
     */
    private static String path(List<Integer> cycle, MigrationGraph graph) {
        List<Integer> loop = cycle.subList(0, cycle.size() - 1);
        List<String> steps = new ArrayList<>();
        if (loop.size() <= PATH_MEMBERS_SHOWN) {
            loop.forEach(node -> steps.add(graph.nodes().get(node).versionText()));
        } else {
            loop.subList(0, PATH_END_SHOWN).forEach(node -> steps.add(graph.nodes().get(node).versionText()));
            steps.add("... (" + (loop.size() - 2 * PATH_END_SHOWN) + " more) ...");
            loop.subList(loop.size() - PATH_END_SHOWN, loop.size())
                    .forEach(node -> steps.add(graph.nodes().get(node).versionText()));
        }
        steps.add(graph.nodes().get(cycle.get(0)).versionText());
        return String.join(" -> ", steps);
    }

    private void report(Message message, MigrationModel migration, Dependency dependency, Object... args) {
        report.report(message, migration, dependency.locus(), args);
    }
}
