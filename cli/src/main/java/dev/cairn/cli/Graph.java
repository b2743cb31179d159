package dev.cairn.cli;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.MigrationDescriptor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The migration graph of a registry, for what the command shows before the runtime acts: heads,
 * layers for the picture, and which migrations a migrate or a rollback will touch, chosen as the
 * runtime chooses them (the runtime then does the work and reports what it did).
 */
final class Graph {

    private final List<MigrationDescriptor> migrations;
    private final Map<MigrationVersion, MigrationDescriptor> byVersion = new LinkedHashMap<>();
    private final Map<MigrationVersion, List<MigrationDescriptor>> dependents = new HashMap<>();

    Graph(List<MigrationDescriptor> planOrder) {
        this.migrations = List.copyOf(planOrder);
        for (MigrationDescriptor m : migrations) {
            byVersion.put(m.version(), m);
            for (MigrationVersion prerequisite : m.dependsOn()) {
                dependents.computeIfAbsent(prerequisite, v -> new ArrayList<>()).add(m);
            }
        }
    }

    /** Every migration, in plan order. */
    List<MigrationDescriptor> migrations() {
        return migrations;
    }

    Optional<MigrationDescriptor> find(MigrationVersion version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    /** The migrations that depend on {@code version} directly, in plan order. */
    List<MigrationDescriptor> dependentsOf(MigrationVersion version) {
        return dependents.getOrDefault(version, List.of());
    }

    /** The migrations nothing depends on, in plan order: Alembic's heads, where a new migration goes. */
    List<MigrationDescriptor> heads() {
        return migrations.stream().filter(m -> dependentsOf(m.version()).isEmpty()).toList();
    }

    /** The applied migrations that no applied migration depends on: where the database stands (Alembic's current). */
    List<MigrationDescriptor> appliedHeads(Set<MigrationVersion> applied) {
        return migrations.stream().filter(m -> applied.contains(m.version()))
                .filter(m -> dependentsOf(m.version()).stream().noneMatch(d -> applied.contains(d.version()))).toList();
    }

    /** Each migration's layer: 0 for those with no prerequisite, else one more than its deepest prerequisite's. */
    Map<MigrationVersion, Integer> layers() {
        Map<MigrationVersion, Integer> layers = new LinkedHashMap<>();
        for (MigrationDescriptor m : migrations) {
            int layer = 0;
            for (MigrationVersion prerequisite : m.dependsOn()) {
                layer = Math.max(layer, layers.getOrDefault(prerequisite, -1) + 1);
            }
            layers.put(m.version(), layer);
        }
        return layers;
    }

    /** What a migrate up to {@code target} (all, if {@code null}) applies: the pending ones up to it and their prerequisites. */
    List<MigrationDescriptor> toApply(Set<MigrationVersion> applied, MigrationVersion target) {
        Set<MigrationVersion> wanted = new HashSet<>();
        Deque<MigrationDescriptor> toVisit = new ArrayDeque<>();
        migrations.stream().filter(m -> !applied.contains(m.version()) && (target == null || m.version().compareTo(target) <= 0))
                .forEach(toVisit::add);
        while (!toVisit.isEmpty()) {
            MigrationDescriptor m = toVisit.poll();
            if (wanted.add(m.version())) {
                m.dependsOn().stream().filter(d -> !applied.contains(d)).map(byVersion::get).forEach(toVisit::add);
            }
        }
        return inPlanOrder(wanted, false);
    }

    /** What rolling back {@code version} undoes: it and every applied migration depending on it, in reverse plan order. */
    List<MigrationDescriptor> rollbackOf(MigrationVersion version, Set<MigrationVersion> applied) {
        Set<MigrationVersion> reached = new HashSet<>();
        Deque<MigrationVersion> toVisit = new ArrayDeque<>(List.of(version));
        while (!toVisit.isEmpty()) {
            MigrationVersion v = toVisit.poll();
            if (reached.add(v)) {
                dependentsOf(v).forEach(d -> toVisit.add(d.version()));
            }
        }
        reached.retainAll(applied);
        return inPlanOrder(reached, true);
    }

    /** What rolling back to {@code version} undoes: every applied migration after it in plan order, in reverse. */
    List<MigrationDescriptor> rollbackAfter(MigrationVersion version, Set<MigrationVersion> applied) {
        int position = migrations.indexOf(byVersion.get(version));
        Set<MigrationVersion> undo = new HashSet<>();
        migrations.subList(position + 1, migrations.size()).stream().map(MigrationDescriptor::version).filter(applied::contains)
                .forEach(undo::add);
        return inPlanOrder(undo, true);
    }

    /** What rolling back to base undoes: every applied migration, in reverse plan order. */
    List<MigrationDescriptor> rollbackAll(Set<MigrationVersion> applied) {
        return inPlanOrder(applied, true);
    }

    private List<MigrationDescriptor> inPlanOrder(Set<MigrationVersion> versions, boolean reversed) {
        List<MigrationDescriptor> ordered = new ArrayList<>(migrations.stream().filter(m -> versions.contains(m.version())).toList());
        if (reversed) {
            Collections.reverse(ordered);
        }
        return ordered;
    }
}
