package dev.cairn.runtime.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.internal.Failures.Mode;
import java.util.List;
import java.util.Set;

/**
 * Checks that the next step of a command still fits the applied set, which another process may
 * have changed between two of the command's transactions (SQLite locks each transaction, not the
 * command): a migration to apply needs its prerequisites applied; a migration to roll back must
 * have no applied dependent. In memory, on the set as last read.
 */
final class ConcurrentChanges {

    private final Plan plan;
    private final String database;

    ConcurrentChanges(Plan plan, String database) {
        this.plan = plan;
        this.database = database;
    }

    /**
     * @param done the versions this command applied or rolled back so far, for the message
     * @throws MigrationException with {@link ErrorCode#CONCURRENT_CHANGE} if the step no longer fits
     */
    void checkStillFits(MigrationDescriptor m, Mode mode, Set<MigrationVersion> applied, List<String> done) {
        List<String> conflicts = mode == Mode.APPLY
                ? m.dependsOn().stream().filter(d -> !applied.contains(d)).map(MigrationVersion::toString).toList()
                : plan.rollbackOf(m.version(), applied).stream().filter(d -> !d.version().equals(m.version()))
                        .map(d -> d.version().toString()).toList();
        if (conflicts.isEmpty()) {
            return;
        }
        String what = mode == Mode.APPLY
                ? "migration " + m.displayName() + " depends on " + String.join(", ", conflicts) + ", no longer applied"
                : String.join(", ", conflicts) + ", depending on migration " + m.displayName() + ", "
                        + (conflicts.size() == 1 ? "is" : "are") + " applied now";
        throw new MigrationException(ErrorCode.CONCURRENT_CHANGE, "Another process changed " + database + " while this"
                + " command was running: " + what + ". " + stopped(m, mode, done) + " Run it again to continue from the"
                + " database as it is now.");
    }

    /**
     * A check of the applied set that failed only once another process changed the set: the
     * refusal, with its code, told as happening part way through this command.
     *
     * @param done the versions this command applied or rolled back so far
     */
    MigrationException refusedAfterChange(MigrationException refusal, MigrationDescriptor m, Mode mode, List<String> done) {
        return new MigrationException(refusal.code(), "Another process changed " + database + " while this command was"
                + " running. " + refusal.getMessage().replace(" Nothing was changed.", "") + "\n" + stopped(m, mode, done),
                refusal);
    }

    private static String stopped(MigrationDescriptor m, Mode mode, List<String> done) {
        return "Stopped before " + (mode == Mode.APPLY ? "applying" : "rolling back") + " migration " + m.version() + ". "
                + (done.isEmpty() ? "This command changed nothing."
                        : "This command " + (mode == Mode.APPLY ? "applied " : "rolled back ") + String.join(", ", done) + ".");
    }
}
