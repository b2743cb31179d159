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
        text.append('\n').append(whoseTheyAre(unknown, applied))
                .append(" To run this build anyway, set allowUnknownApplied(true). Nothing was changed.");
        throw new MigrationException(ErrorCode.UNKNOWN_APPLIED, text.toString());
    }

    /**
     * Where applied versions unknown to the build probably come from, judged by where they fall:
     * a newer build adds versions after this build's, while another migration set sharing the
     * history table has versions anywhere, and none of this build's need be applied.
     */
    private String whoseTheyAre(List<AppliedMigration> unknown, Map<MigrationVersion, AppliedMigration> applied) {
        String shared = "the same history table " + settings.historyTable();
        String separate = "give each migration set its own historyTable and logTable";
        if (applied.size() == unknown.size()) {
            return "None of this build's migrations is applied there: these are probably another migration set's,"
                    + " recorded in " + shared + ", or this is not the database meant for this build. Check the"
                    + " database, or " + separate + ".";
        }
        Optional<MigrationVersion> newestOfBuild = newest(plan.all().stream().map(MigrationDescriptor::version).toList());
        boolean allNewer = newestOfBuild.isEmpty() || unknown.stream().allMatch(a -> a.version().compareTo(newestOfBuild.get()) > 0);
        if (allNewer) {
            return "The database is ahead of this build: a newer build of the application probably migrated it, unless"
                    + " another migration set records its migrations in " + shared + " (then " + separate + ")."
                    + " Deploy that build or a newer one.";
        }
        return "Another migration set may record its migrations in " + shared + ": then " + separate + ". Or a newer"
                + " build of the application migrated the database: then deploy that build or a newer one.";
    }

    void checkChecksums(Map<MigrationVersion, AppliedMigration> applied) {
        List<MigrationDescriptor> changed = changed(plan, applied);
        if (changed.isEmpty() || !settings.validateChecksums()) {
            return;
        }
        List<MigrationDescriptor> malformed = changed.stream().filter(m -> Checksums.compare(applied.get(m.version()).checksum(),
                m.checksum()) == Checksums.Comparison.MALFORMED).toList();
        StringBuilder text = new StringBuilder();
        text.append(changed.size() == 1 ? "The checksum of an applied migration does not match this build"
                : "The checksums of applied migrations do not match this build").append(" in ").append(database).append(':');
        for (MigrationDescriptor m : changed) {
            AppliedMigration a = applied.get(m.version());
            text.append("\n  ").append(m.displayName()).append(": ").append(Checksums.difference(a.checksum(), m.checksum()));
            if (!a.description().equals(m.description())) {
                // Versions of two migration sets in one history table meet like this.
                text.append(" (applied as \"").append(a.description()).append("\")");
            }
        }
        if (malformed.size() < changed.size()) {
            text.append("\nA migration that ran must not change, or databases migrated before and after the change differ."
                    + " Revert the change and put it in a new migration. If the change is harmless and the database"
                    + " already matches it, run repair to accept the new checksum.");
        }
        if (!malformed.isEmpty()) {
            text.append("\nA checksum Cairn does not write means the history table was edited by hand: if the database"
                    + " has the migration's changes, run repair to record this build's checksum.");
        }
        throw new MigrationException(ErrorCode.CHECKSUM_MISMATCH, text.append(" Nothing was changed.").toString());
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
