package dev.cairn.runtime.internal;

import dev.cairn.runtime.internal.report.RollbackResult;
import dev.cairn.MigrationVersion;
import dev.cairn.runtime.Command;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.RollbackReport;
import dev.cairn.runtime.internal.history.AppliedMigration;
import dev.cairn.runtime.internal.sqlfile.SqlFileMigration;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code rollback(version)} and {@code rollbackTo(version)}: the whole plan is computed and
 * checked for irreversible migrations before the first one is undone.
 */
final class RollbackCommand {

    private final Settings settings;
    private final Plan plan;
    private final Listeners listeners;

    RollbackCommand(Settings settings, Plan plan, Listeners listeners) {
        this.settings = settings;
        this.plan = plan;
        this.listeners = listeners;
    }

    /**
     * @param to {@code false}: undo {@code version} and its dependents; {@code true}: undo
     *     everything after {@code version}
     */
    RollbackReport rollback(Session session, MigrationVersion version, boolean to) throws SQLException {
        MigrationDescriptor named = plan.require(version);
        long start = System.nanoTime();
        return CommandRunner.locked(session, locked -> {
            AppliedChecks checks = new AppliedChecks(settings, plan, session.database());
            List<MigrationDescriptor> undo = locked.firstTransaction(applied -> {
                checks.checkKnown(applied);
                List<MigrationDescriptor> steps = to ? plan.rollbackAfter(version, applied.keySet())
                        : rollbackOf(named, applied, session);
                checkReversible(named, steps, to);
                SqlFileMigration.checkFiles(steps, true);
                if (!steps.isEmpty()) {
                    locked.ensureTables();
                }
                return steps;
            });
            StepRunner runner = new StepRunner(session, locked, plan, listeners, Command.ROLLBACK,
                    (m, applied) -> checks.checkKnown(applied));
            List<ExecutedMigration> done = new ArrayList<>();
            for (MigrationDescriptor m : undo) {
                ExecutedMigration step = runner.rollBack(m);
                if (step != null) {
                    done.add(step);
                }
            }
            if (!done.isEmpty()) {
                RepeatableRunner.forgetAfterRollback(session, locked, plan);
            }
            return new RollbackResult(session.database(), done, Duration.ofNanos(System.nanoTime() - start));
        });
    }

    private List<MigrationDescriptor> rollbackOf(MigrationDescriptor named, Map<MigrationVersion, AppliedMigration> applied,
            Session session) {
        if (!applied.containsKey(named.version())) {
            throw new MigrationException(ErrorCode.NOT_APPLIED, "Cannot roll back migration " + named.displayName()
                    + ": it is not applied to " + session.database() + ". Run status to see what is applied."
                    + " Nothing was changed.");
        }
        return plan.rollbackOf(named.version(), applied.keySet());
    }

    private static void checkReversible(MigrationDescriptor named, List<MigrationDescriptor> undo, boolean to) {
        for (MigrationDescriptor m : undo) {
            if (!m.reversible()) {
                String request = (to ? "Rolling back to " : "Rolling back ") + named.version() + " means undoing "
                        + String.join(", ", undo.stream().map(u -> u.version().toString()).toList()) + " in that order";
                throw new RollbackRefusedException(m, request);
            }
        }
    }
}
