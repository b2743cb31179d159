package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.internal.PlanOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency graph of a plan's migrations, and what each command would touch in it, chosen
 * exactly as the {@link Migrator} chooses (the engine asks this class): tools show a plan, its
 * heads or a rollback before the migrator acts, then the migrator does the work and reports it.
 * Needs no database. Immutable and thread-safe.
 *
 * <pre>{@code
 * MigrationGraph graph = migrator.graph();
 * List<MigrationDescriptor> wouldRun = graph.toApplyOnly(MigrationVersion.parse("4"), applied);
 * }</pre>
 */
public final class MigrationGraph {

    private final List<MigrationDescriptor> migrations;
    private final Map<MigrationVersion, Integer> positions = new HashMap<>();
    private final Map<MigrationVersion, List<MigrationDescriptor>> dependents = new HashMap<>();

    private MigrationGraph(List<MigrationDescriptor> planOrder) {
        this.migrations = List.copyOf(planOrder);
        for (int i = 0; i < migrations.size(); i++) {
            MigrationDescriptor m = migrations.get(i);
            positions.put(m.version(), i);
            for (MigrationVersion prerequisite : m.dependsOn()) {
                dependents.computeIfAbsent(prerequisite, v -> new ArrayList<>()).add(m);
            }
        }
    }

    /**
     * The graph of migrations listed in plan order, as {@link MigrationSource#migrations()} lists them.
     *
     * @throws MigrationException with {@link ErrorCode#INVALID_PLAN} if a version appears twice, or
     *     a migration depends on one that is missing or listed after it
     */
    public static MigrationGraph of(List<MigrationDescriptor> planOrder) {
        List<String> problems = PlanOrder.problems(planOrder);
        if (!problems.isEmpty()) {
            throw new MigrationException(ErrorCode.INVALID_PLAN, "These migrations are not a valid plan:\n  - "
                    + String.join("\n  - ", problems) + "\nList them as the generated MigrationRegistry.migrations() does.");
        }
        return new MigrationGraph(planOrder);
    }

    /** Every migration, in plan order. */
    public List<MigrationDescriptor> migrations() {
        return migrations;
    }

    /** The migration of {@code version}, if the plan has it. */
    public Optional<MigrationDescriptor> find(MigrationVersion version) {
        Integer position = positions.get(version);
        return position == null ? Optional.empty() : Optional.of(migrations.get(position));
    }

    /**
     * The migration of {@code version}.
     *
     * @throws MigrationException with {@link ErrorCode#NOT_IN_BUILD}, naming the nearest versions
     *     of the plan, if it has none of that version
     */
    public MigrationDescriptor require(MigrationVersion version) {
        return find(version).orElseThrow(() -> new MigrationException(ErrorCode.NOT_IN_BUILD,
                "Version " + version + " is not a migration of this build" + nearest(version)
                        + ". Check the version, or use a build that contains it."));
    }

    private String nearest(MigrationVersion version) {
        Optional<MigrationDescriptor> below = migrations.stream().filter(m -> m.version().compareTo(version) < 0)
                .max(Comparator.comparing(MigrationDescriptor::version));
        Optional<MigrationDescriptor> above = migrations.stream().filter(m -> m.version().compareTo(version) > 0)
                .min(Comparator.comparing(MigrationDescriptor::version));
        List<String> near = new ArrayList<>();
        below.ifPresent(m -> near.add(m.version().toString()));
        above.ifPresent(m -> near.add(m.version().toString()));
        return near.isEmpty() ? " (it has no migrations)" : " (nearest: " + String.join(", ", near) + ")";
    }

    /** The migrations that depend on {@code version} directly, in plan order. */
    public List<MigrationDescriptor> dependentsOf(MigrationVersion version) {
        return dependents.getOrDefault(version, List.of());
    }

    /** The migrations nothing depends on, in plan order: Alembic's heads, where a new migration goes. */
    public List<MigrationDescriptor> heads() {
        return migrations.stream().filter(m -> dependentsOf(m.version()).isEmpty()).toList();
    }

    /** The applied migrations that no applied migration depends on: where the database stands (Alembic's current). */
    public List<MigrationDescriptor> appliedHeads(Set<MigrationVersion> applied) {
        return migrations.stream().filter(m -> applied.contains(m.version()))
                .filter(m -> dependentsOf(m.version()).stream().noneMatch(d -> applied.contains(d.version()))).toList();
    }

    /**
     * Each migration's layer, in plan order: 0 for one with no prerequisite, else one more than its
     * deepest prerequisite's (the column a picture of the graph draws it in).
     */
    public Map<MigrationVersion, Integer> layers() {
        Map<MigrationVersion, Integer> layers = new LinkedHashMap<>();
        for (MigrationDescriptor m : migrations) {
            int layer = 0;
            for (MigrationVersion prerequisite : m.dependsOn()) {
                layer = Math.max(layer, layers.getOrDefault(prerequisite, -1) + 1);
            }
            layers.put(m.version(), layer);
        }
        return Collections.unmodifiableMap(layers);
    }

    /**
     * What {@link Migrator#migrate()} applies ({@code target} {@code null}) or
     * {@link Migrator#migrate(MigrationVersion)}: every pending migration, or those whose version
     * is at most the target together with the pending prerequisites they need, in plan order.
     */
    public List<MigrationDescriptor> toApply(Set<MigrationVersion> applied, MigrationVersion target) {
        List<MigrationDescriptor> start = migrations.stream()
                .filter(m -> !applied.contains(m.version()) && (target == null || m.version().compareTo(target) <= 0)).toList();
        return withPendingPrerequisites(start, applied);
    }

    /**
     * What {@link Migrator#apply(MigrationVersion)} applies: {@code version} if it is pending, and
     * the pending migrations it depends on, directly or transitively, in plan order; nothing else.
     * Empty when {@code version} is applied.
     *
     * @throws MigrationException with {@link ErrorCode#NOT_IN_BUILD} if the plan has no such version
     */
    public List<MigrationDescriptor> toApplyOnly(MigrationVersion version, Set<MigrationVersion> applied) {
        MigrationDescriptor requested = require(version);
        return withPendingPrerequisites(applied.contains(version) ? List.of() : List.of(requested), applied);
    }

    private List<MigrationDescriptor> withPendingPrerequisites(List<MigrationDescriptor> start, Set<MigrationVersion> applied) {
        Set<MigrationVersion> wanted = new HashSet<>();
        Deque<MigrationDescriptor> toVisit = new ArrayDeque<>(start);
        while (!toVisit.isEmpty()) {
            MigrationDescriptor m = toVisit.poll();
            if (wanted.add(m.version())) {
                m.dependsOn().stream().filter(d -> !applied.contains(d)).map(this::require).forEach(toVisit::add);
            }
        }
        return inPlanOrder(wanted, false);
    }

    /**
     * What {@link Migrator#rollback(MigrationVersion)} undoes: {@code version} and every applied
     * migration depending on it, directly or not, in reverse plan order; only applied ones. The
     * walk goes through pending migrations too: an applied migration can depend on a pending one
     * (its {@code dependsOn} was edited after it ran, which leaves its checksum alone).
     */
    public List<MigrationDescriptor> rollbackOf(MigrationVersion version, Set<MigrationVersion> applied) {
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

    /**
     * What {@link Migrator#rollbackTo(MigrationVersion)} undoes: every applied migration after
     * {@code version} in plan order, in reverse plan order.
     *
     * @throws MigrationException with {@link ErrorCode#NOT_IN_BUILD} if the plan has no such version
     */
    public List<MigrationDescriptor> rollbackAfter(MigrationVersion version, Set<MigrationVersion> applied) {
        int position = positions.get(require(version).version());
        Set<MigrationVersion> undo = new HashSet<>();
        migrations.subList(position + 1, migrations.size()).stream().map(MigrationDescriptor::version)
                .filter(applied::contains).forEach(undo::add);
        return inPlanOrder(undo, true);
    }

    /** What rolling back to the base undoes: every applied migration, in reverse plan order. */
    public List<MigrationDescriptor> rollbackAll(Set<MigrationVersion> applied) {
        return inPlanOrder(applied, true);
    }

    private List<MigrationDescriptor> inPlanOrder(Collection<MigrationVersion> versions, boolean reversed) {
        List<MigrationDescriptor> ordered = new ArrayList<>(migrations.stream().filter(m -> versions.contains(m.version())).toList());
        if (reversed) {
            Collections.reverse(ordered);
        }
        return List.copyOf(ordered);
    }

    @Override
    public String toString() {
        return "MigrationGraph of " + migrations.size() + (migrations.size() == 1 ? " migration" : " migrations")
                + ", heads " + heads().stream().map(m -> m.version().toString()).toList();
    }
}
