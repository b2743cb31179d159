package dev.cairn.http.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.IrreversibleMigrationException;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.MigrationGraph;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The plans of runs, chosen as the runtime will choose them ({@link MigrationGraph}), each
 * migration with why it is in the plan; and the refusals a rollback gets before anything runs.
 */
final class RunPlanner {

    private RunPlanner() {
    }

    /** {@code version} and the pending migrations it needs: "requested", or "prerequisite of" the plan's migrations that need it directly. */
    static List<PlanItem> execute(Snapshot snapshot, MigrationVersion version) {
        List<MigrationDescriptor> plan = snapshot.graph().toApplyOnly(version, snapshot.applied());
        return explained(plan, version, m -> "prerequisite of " + listed(plan.stream()
                .filter(other -> other.dependsOn().contains(m.version())).map(MigrationDescriptor::version).toList()));
    }

    /** Every pending migration. */
    static List<PlanItem> executeAll(Snapshot snapshot) {
        return snapshot.graph().toApply(snapshot.applied(), null).stream().map(m -> new PlanItem(m, "pending")).toList();
    }

    /**
     * {@code version} and the applied migrations that depend on it, in the order they are undone:
     * "requested", or "depends on" the plan's migrations it depends on directly.
     *
     * @throws MigrationException {@link ErrorCode#NOT_APPLIED} when {@code version} is not applied, and
     *     {@link ErrorCode#IRREVERSIBLE} when the plan crosses an irreversible migration
     */
    static List<PlanItem> rollback(Snapshot snapshot, MigrationDescriptor named) {
        List<PlanItem> plan = rollbackPlan(snapshot, named);
        Optional<MigrationException> refusal = refusal(plan, named);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        return plan;
    }

    /**
     * {@code version} and the applied migrations that depend on it, in the order they are undone,
     * whether or not a rollback may undo them: what a confirmation shows beside {@link #refusal}.
     *
     * @throws MigrationException {@link ErrorCode#NOT_APPLIED} when {@code version} is not applied
     */
    static List<PlanItem> rollbackPlan(Snapshot snapshot, MigrationDescriptor named) {
        Set<MigrationVersion> applied = snapshot.applied();
        if (!applied.contains(named.version())) {
            throw new MigrationException(ErrorCode.NOT_APPLIED, "Cannot roll back migration " + named.displayName()
                    + ": it is not applied to " + snapshot.status().database() + ". Run status to see what is applied."
                    + " Nothing was changed.");
        }
        List<MigrationDescriptor> plan = snapshot.graph().rollbackOf(named.version(), applied);
        Set<MigrationVersion> undone = plan.stream().map(MigrationDescriptor::version).collect(Collectors.toSet());
        return explained(plan, named.version(), m -> "depends on " + listed(m.dependsOn().stream().filter(undone::contains).toList()));
    }

    /** The runtime's refusal of a rollback plan that crosses an irreversible migration, naming the first; else empty. */
    static Optional<MigrationException> refusal(List<PlanItem> plan, MigrationDescriptor named) {
        return plan.stream().map(PlanItem::migration).filter(m -> !m.reversible()).findFirst()
                .map(m -> new RollbackRefused(m, "Rolling back " + named.version() + " means undoing "
                        + listed(plan.stream().map(item -> item.migration().version()).toList())
                        + (plan.size() > 1 ? " in that order" : "")));
    }

    private static List<PlanItem> explained(List<MigrationDescriptor> plan, MigrationVersion requested,
            Function<MigrationDescriptor, String> reason) {
        return plan.stream().map(m -> new PlanItem(m, m.version().equals(requested) ? "requested" : reason.apply(m))).toList();
    }

    /** {@code 2}, {@code 2 and 3}, {@code 2, 3 and 4}. */
    static String listed(List<MigrationVersion> versions) {
        List<String> names = versions.stream().map(MigrationVersion::toString).toList();
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** The runtime's own refusal of a rollback that crosses an irreversible migration, with its message. */
    private static final class RollbackRefused extends IrreversibleMigrationException {

        private static final long serialVersionUID = 1L;

        RollbackRefused(MigrationDescriptor migration, String plan) {
            super(migration, plan);
        }
    }
}
