package dev.cairn.runtime.internal.conditions;

import dev.cairn.runtime.ConditionsReport.Outcome;
import dev.cairn.runtime.ConditionsReport.Phase;
import dev.cairn.runtime.Database;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.internal.report.ConditionsResult.CheckedMigration;
import java.sql.Connection;

/**
 * Runs a migration's {@link JavaMigration#preconditions} and {@link JavaMigration#postconditions}.
 * The engine calls {@link #preconditions} and {@link #postconditions} on the migration's own
 * context, right before and after its {@code up()}, in its transaction; a data migration calls
 * {@link #postconditions} itself, inside its last batch's transaction. Either throws a
 * {@link ConditionFailed} at the first failed check, which fails the migration through the usual
 * failure path. {@link #check} runs them for {@code checkConditions}, which reports instead.
 */
public final class Conditions {

    private Conditions() {
    }

    /** Runs the preconditions of {@code step} on the connection of {@code ctx}, throwing at the first failure. */
    public static void preconditions(JavaMigration step, MigrationContext ctx) {
        run(step, new RecordedChecks(Phase.PRECONDITIONS, ctx::connection, ctx.database(), ctx.migration()));
    }

    /**
     * Runs the postconditions of {@code step} on the connection of {@code ctx}, throwing at the
     * first failure: in the transaction that is to commit the migration's work, before it commits.
     */
    public static void postconditions(JavaMigration step, MigrationContext ctx) {
        run(step, new RecordedChecks(Phase.POSTCONDITIONS, ctx::connection, ctx.database(), ctx.migration()));
    }

    /**
     * Runs one phase of the conditions of {@code step} on {@code connection}, and returns how it
     * came out: a failed check is reported, not thrown.
     */
    public static CheckedMigration check(JavaMigration step, Phase phase, Connection connection, Database database,
            MigrationDescriptor migration) {
        RecordedChecks checks = new RecordedChecks(phase, () -> connection, database, migration);
        try {
            run(step, checks);
            return checked(migration, phase, Outcome.PASSED, checks, "");
        } catch (ConditionFailed failed) {
            return checked(migration, phase, Outcome.FAILED, checks, failed.getMessage());
        }
    }

    private static CheckedMigration checked(MigrationDescriptor m, Phase phase, Outcome outcome, RecordedChecks checks,
            String detail) {
        return new CheckedMigration(m.version(), m.description(), m.className(), phase, outcome,
                checks.results(), detail);
    }

    /**
     * Calls the conditions method with {@code checks}. A failed check stands even if the method
     * caught it; anything else the method throws (an exception, a failed {@code assert}) is a
     * condition that could not run. Other JVM errors, such as running out of memory, go on as
     * they are, to be reported for what they are.
     */
    private static void run(JavaMigration step, RecordedChecks checks) {
        Phase phase = checks.phase();
        try {
            if (phase == Phase.PRECONDITIONS) {
                step.preconditions(checks);
            } else {
                step.postconditions(checks);
            }
        } catch (Exception | AssertionError e) {
            // An assert of the conditions' own (seed 001's style) is a condition that failed too.
            ConditionFailed first = checks.failure();
            if (first == null) {
                throw ConditionFailed.couldNotRun(phase, null, e);
            }
            if (first != e) {
                first.addSuppressed(e);
            }
            throw first;
        } finally {
            checks.end();
        }
        if (checks.failure() != null) {
            throw checks.failure();
        }
    }
}
