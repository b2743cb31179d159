package dev.cairn.test;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The migrations of a source in plan order, and the sets of them a test applies. A set closed
 * under prerequisites, listed in plan order, is itself a valid source, and {@code migrate()} on it
 * applies exactly that set. {@code Migrator.migrate(target)} cannot stop just before a migration of
 * a graph: it applies every pending version up to the target with their prerequisites, so a lower
 * version that depends on the target brings the target in.
 */
final class PlanSelection {

    private final MigrationSource source;
    private final List<MigrationDescriptor> plan;

    PlanSelection(MigrationSource source) {
        this.source = source;
        this.plan = List.copyOf(source.migrations());
    }

    /** Every migration, in plan order. */
    List<MigrationDescriptor> all() {
        return plan;
    }

    /** The migration of {@code version}, or an error listing the source's versions. */
    MigrationDescriptor require(String version) {
        MigrationVersion wanted = MigrationVersion.parse(version);
        return plan.stream().filter(m -> m.version().equals(wanted)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                version + " is not a migration of " + source.getClass().getName() + ", whose versions are "
                        + plan.stream().map(m -> m.version().toString()).collect(Collectors.joining(", ")) + "."));
    }

    /**
     * What must be applied for the database to be "just before" {@code target}: every migration
     * {@code target} depends on, directly or not, and every other migration of a lower version,
     * with their own prerequisites; never {@code target}, nor anything that depends on it (in a
     * graph, a lower version may).
     */
    Set<MigrationVersion> justBefore(MigrationDescriptor target) {
        Set<MigrationVersion> dependents = withDependents(target.version());
        Set<MigrationVersion> seeds = new HashSet<>(List.of(target.version()));
        plan.stream().map(MigrationDescriptor::version)
                .filter(v -> v.compareTo(target.version()) < 0 && !dependents.contains(v))
                .forEach(seeds::add);
        // No prerequisite of a migration outside the dependents is a dependent, so the closure
        // adds none of them; it does add the target's own prerequisites.
        Set<MigrationVersion> wanted = withPrerequisites(seeds);
        wanted.remove(target.version());
        return wanted;
    }

    /** The source of exactly {@code versions}, in plan order; they must be closed under prerequisites. */
    MigrationSource only(Set<MigrationVersion> versions) {
        List<MigrationDescriptor> selected = plan.stream().filter(m -> versions.contains(m.version())).toList();
        return () -> selected;
    }

    /** {@code version} and everything that depends on it, directly or not. */
    private Set<MigrationVersion> withDependents(MigrationVersion version) {
        Set<MigrationVersion> reached = new HashSet<>(List.of(version));
        // One pass suffices: in plan order, a migration comes after everything it depends on.
        for (MigrationDescriptor m : plan) {
            if (m.dependsOn().stream().anyMatch(reached::contains)) {
                reached.add(m.version());
            }
        }
        return reached;
    }

    /** {@code versions} and everything they depend on, directly or not. */
    private Set<MigrationVersion> withPrerequisites(Set<MigrationVersion> versions) {
        Set<MigrationVersion> reached = new HashSet<>(versions);
        List<MigrationDescriptor> backwards = new ArrayList<>(plan);
        Collections.reverse(backwards);
        for (MigrationDescriptor m : backwards) {
            if (reached.contains(m.version())) {
                reached.addAll(m.dependsOn());
            }
        }
        return reached;
    }
}
