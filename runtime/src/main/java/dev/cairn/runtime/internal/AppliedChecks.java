package dev.cairn.runtime.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.internal.history.AppliedMigration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of the applied set against the build that commands which write run first, all in
 * memory: versions the build does not know, changed checksums, out-of-order migrations under
 * strict order. Each refusal names the migrations and says what to do.
 */
final class AppliedChecks {

    private final Settings settings;
    private final Plan plan;
    private final String database;

    AppliedChecks(Settings settings, Plan plan, String database) {
        this.settings = settings;
        this.plan = plan;
        this.database = database;
    }

    /** Versions applied in the database that the build does not know. */
    static List<AppliedMigration> unknown(Plan plan, Map<MigrationVersion, AppliedMigration> applied) {
        return applied.values().stream().filter(a -> plan.find(a.version()).isEmpty())
                .sorted((a, b) -> a.version().compareTo(b.version())).toList();
    }

    /**
     * Applied migrations whose checksum drifted from the build's. A checksum recorded by another
     * algorithm is not drift, so repair leaves it as it is: rewriting it would flip between the
     * tags of, say, an IDE's compiler and CI's javac at every repair.
     */
    static List<MigrationDescriptor> changed(Plan plan, Map<MigrationVersion, AppliedMigration> applied) {
        return plan.all().stream().filter(m -> applied.containsKey(m.version())
                && Checksums.drifted(applied.get(m.version()).checksum(), m.checksum())).toList();
    }

    /**
     * Whether the applied set is exactly the plan, with no checksum drifted: what the recorded
     * fingerprint promises, so that any configuration may trust it.
     */
    static boolean fullyApplied(Plan plan, Map<MigrationVersion, AppliedMigration> applied) {
        return applied.size() == plan.all().size() && unknown(plan, applied).isEmpty() && changed(plan, applied).isEmpty();
    }

    /** The newest applied version, if any. */
    static Optional<MigrationVersion> newest(Collection<MigrationVersion> applied) {
        return applied.stream().max(MigrationVersion::compareTo);
    }

    /** All the checks of migrate, given the migrations it is about to apply. */
    void checkForMigrate(List<MigrationDescriptor> todo, Map<MigrationVersion, AppliedMigration> applied) {
        checkKnown(applied);
        checkChecksums(applied);
        checkOrder(todo, applied);
    }

    void checkKnown(Map<MigrationVersion, AppliedMigration> applied) {
        List<AppliedMigration> unknown = unknown(plan, applied);
        if (unknown.isEmpty() || settings.allowUnknownApplied()) {
            return;
        }
        StringBuilder text = new StringBuilder(database).append(" has ").append(unknown.size())
                .append(unknown.size() == 1 ? " applied migration" : " applied migrations")
                .append(" that this build does not know:");
        unknown.forEach(a -> text.append("\n  ").append(a.version()).append(" \"").append(a.description())
                .append("\" (applied ").append(a.installedOn()).append(" by ").append(a.installedBy()).append(')'));
        text.append("\nThe database is ahead of this build: a newer build of the application probably migrated it."
                + " Deploy that build or a newer one. To run this build anyway, set allowUnknownApplied(true)."
                + " Nothing was changed.");
        throw new MigrationException(ErrorCode.UNKNOWN_APPLIED, text.toString());
    }

    void checkChecksums(Map<MigrationVersion, AppliedMigration> applied) {
        List<MigrationDescriptor> changed = changed(plan, applied);
        if (changed.isEmpty() || !settings.validateChecksums()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        text.append(changed.size() == 1 ? "An applied migration was changed" : "Applied migrations were changed")
                .append(" after being applied to ").append(database).append(':');
        changed.forEach(m -> text.append("\n  ").append(m.displayName()).append(": checksum in the database ")
                .append(applied.get(m.version()).checksum()).append(", in this build ").append(m.checksum()));
        text.append("\nA migration that ran must not change, or databases migrated before and after the change differ."
                + " Revert the change and put it in a new migration. If the change is harmless and the database"
                + " already matches it, run repair to accept the new checksum. Nothing was changed.");
        throw new MigrationException(ErrorCode.CHECKSUM_MISMATCH, text.toString());
    }

    void checkOrder(List<MigrationDescriptor> todo, Map<MigrationVersion, AppliedMigration> applied) {
        Optional<MigrationVersion> newest = newest(applied.keySet());
        if (!settings.strictOrder() || newest.isEmpty()) {
            return;
        }
        // Ones another process applied meanwhile are no longer to do.
        List<MigrationDescriptor> late = todo.stream().filter(m -> !applied.containsKey(m.version())
                && m.version().compareTo(newest.get()) < 0).toList();
        if (!late.isEmpty()) {
            throw new MigrationException(ErrorCode.OUT_OF_ORDER, "strictOrder is on, and "
                    + String.join(", ", late.stream().map(MigrationDescriptor::displayName).toList())
                    + (late.size() == 1 ? " is" : " are") + " pending but older than " + newest.get()
                    + ", the newest migration applied to " + database + ". Give "
                    + (late.size() == 1 ? "it a version" : "them versions") + " newer than " + newest.get()
                    + ", or turn strictOrder off to apply " + (late.size() == 1 ? "it" : "them") + " out of order."
                    + " Nothing was changed.");
        }
    }
}
