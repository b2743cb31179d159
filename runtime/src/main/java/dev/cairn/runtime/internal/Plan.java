package dev.cairn.runtime.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.RepeatableMigration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The migrations of a source in plan order, and the questions the commands ask of it: what is
 * pending, what a rollback must undo. Built on first use, so that a start that finds the database
 * up to date by its {@linkplain #fingerprint() fingerprint} never builds the descriptors.
 */
public final class Plan {

    private final MigrationSource source;
    private volatile Index index;

    /** The plan's lookups, built once from the source's descriptors. */
    private static final class Index {
        final List<MigrationDescriptor> migrations;
        final List<RepeatableMigration> repeatables;
        final Map<MigrationVersion, Integer> positions = new HashMap<>();
        final Map<MigrationVersion, List<MigrationDescriptor>> dependents = new HashMap<>();
        final String fingerprint;

        Index(MigrationSource source) {
            this.migrations = List.copyOf(source.migrations());
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < migrations.size(); i++) {
                MigrationDescriptor m = migrations.get(i);
                Integer earlier = positions.putIfAbsent(m.version(), i);
                if (earlier != null) {
                    problems.add("version " + m.version() + " is used by both " + migrations.get(earlier).className()
                            + " and " + m.className());
                }
                for (MigrationVersion dependency : m.dependsOn()) {
                    if (!positions.containsKey(dependency)) {
                        problems.add(m.displayName() + " depends on " + dependency + ", which "
                                + (migrations.stream().anyMatch(o -> o.version().equals(dependency))
                                        ? "comes after it in the plan" : "is not in the plan"));
                    }
                    dependents.computeIfAbsent(dependency, v -> new ArrayList<>()).add(m);
                }
            }
            this.repeatables = source.repeatables().stream().sorted(Comparator.comparing(RepeatableMigration::name)).toList();
            for (int i = 1; i < repeatables.size(); i++) {
                if (repeatables.get(i).name().equals(repeatables.get(i - 1).name())) {
                    problems.add("repeatable migration name \"" + repeatables.get(i).name() + "\" is used by both "
                            + repeatables.get(i - 1).resource() + " and " + repeatables.get(i).resource());
                }
            }
            if (!problems.isEmpty()) {
                throw new MigrationException(ErrorCode.INVALID_PLAN, "The migration source " + source.getClass().getName()
                        + " is not a valid plan:\n  - " + String.join("\n  - ", problems)
                        + "\nThe generated MigrationRegistry is always valid; rebuild it, or fix the hand-written source.");
            }
            this.fingerprint = Fingerprints.of(migrations, repeatables);
        }
    }

    private Plan(MigrationSource source) {
        this.source = source;
    }

    /** The source the plan is of. */
    MigrationSource source() {
        return source;
    }

    /**
     * The plan of {@code source}. A source with a compile-time fingerprint (the generated
     * registry, checked by the processor) is read on first use; any other is checked now: unique
     * versions, known dependencies, each migration after its dependencies.
     */
    public static Plan of(MigrationSource source) {
        Plan plan = new Plan(source);
        if (source.fingerprint().isEmpty()) {
            plan.index();
        }
        return plan;
    }

    private Index index() {
        Index built = index;
        if (built == null) {
            synchronized (this) {
                built = index;
                if (built == null) {
                    built = new Index(source);
                    index = built;
                }
            }
        }
        return built;
    }

    /**
     * The fingerprint the up-to-date check compares: the one the source states, without building
     * the plan, or else the one its migrations give.
     */
    public String fingerprint() {
        return source.fingerprint().orElseGet(() -> index().fingerprint);
    }

    /**
     * The fingerprint the plan's migrations give, which is what Cairn records: a source stating
     * another one (edited by hand, or not generated by cairn-processor) then never matches the
     * record, and takes the full check every time instead of being trusted.
     */
    public String computedFingerprint() {
        return index().fingerprint;
    }

    /** Every migration, in plan order. */
    public List<MigrationDescriptor> all() {
        return index().migrations;
    }

    /** The repeatable migrations, in name order: the order they run in. */
    public List<RepeatableMigration> repeatables() {
        return index().repeatables;
    }

    public Optional<MigrationDescriptor> find(MigrationVersion version) {
        Integer position = index().positions.get(version);
        return position == null ? Optional.empty() : Optional.of(all().get(position));
    }

    /** The migration of {@code version}, or an error naming the nearest versions of the build. */
    public MigrationDescriptor require(MigrationVersion version) {
        return find(version).orElseThrow(() -> new MigrationException(ErrorCode.NOT_IN_BUILD,
                "Version " + version + " is not a migration of this build" + nearest(version)
                        + ". Check the version, or use a build that contains it."));
    }

    private String nearest(MigrationVersion version) {
        List<MigrationDescriptor> migrations = all();
        Optional<MigrationDescriptor> below = migrations.stream().filter(m -> m.version().compareTo(version) < 0)
                .max(Comparator.comparing(MigrationDescriptor::version));
        Optional<MigrationDescriptor> above = migrations.stream().filter(m -> m.version().compareTo(version) > 0)
                .min(Comparator.comparing(MigrationDescriptor::version));
        List<String> near = new ArrayList<>();
        below.ifPresent(m -> near.add(m.version().toString()));
        above.ifPresent(m -> near.add(m.version().toString()));
        return near.isEmpty() ? " (it has no migrations)" : " (nearest: " + String.join(", ", near) + ")";
    }

    /**
     * The migrations to apply, in plan order: every unapplied one, or with a target, the
     * unapplied ones at or below it together with the prerequisites they need.
     */
    public List<MigrationDescriptor> pending(Set<MigrationVersion> applied, MigrationVersion target) {
        Set<MigrationVersion> wanted = new HashSet<>();
        Deque<MigrationDescriptor> toVisit = new ArrayDeque<>();
        for (MigrationDescriptor m : all()) {
            if (!applied.contains(m.version()) && (target == null || m.version().compareTo(target) <= 0)) {
                toVisit.add(m);
            }
        }
        while (!toVisit.isEmpty()) {
            MigrationDescriptor m = toVisit.poll();
            if (wanted.add(m.version())) {
                m.dependsOn().stream().filter(d -> !applied.contains(d)).map(this::require).forEach(toVisit::add);
            }
        }
        return inPlanOrder(wanted, false);
    }

    /**
     * {@code version} and every applied migration depending on it, directly or not, in reverse
     * plan order. The walk goes through unapplied migrations too: an applied migration can
     * depend on a pending one (dependsOn was edited after it ran, which leaves its checksum alone).
     */
    public List<MigrationDescriptor> rollbackOf(MigrationVersion version, Set<MigrationVersion> applied) {
        Set<MigrationVersion> reached = new HashSet<>();
        Deque<MigrationVersion> toVisit = new ArrayDeque<>(List.of(version));
        while (!toVisit.isEmpty()) {
            MigrationVersion v = toVisit.poll();
            if (reached.add(v)) {
                index().dependents.getOrDefault(v, List.of()).forEach(d -> toVisit.add(d.version()));
            }
        }
        reached.retainAll(applied);
        return inPlanOrder(reached, true);
    }

    /** Every applied migration after {@code version} in plan order, in reverse plan order. */
    public List<MigrationDescriptor> rollbackAfter(MigrationVersion version, Set<MigrationVersion> applied) {
        int position = index().positions.get(require(version).version());
        List<MigrationDescriptor> migrations = all();
        Set<MigrationVersion> undo = new HashSet<>();
        migrations.subList(position + 1, migrations.size()).stream().map(MigrationDescriptor::version)
                .filter(applied::contains).forEach(undo::add);
        return inPlanOrder(undo, true);
    }

    private List<MigrationDescriptor> inPlanOrder(Collection<MigrationVersion> versions, boolean reversed) {
        List<MigrationDescriptor> ordered = new ArrayList<>(all().stream().filter(m -> versions.contains(m.version())).toList());
        if (reversed) {
            Collections.reverse(ordered);
        }
        return ordered;
    }
}
