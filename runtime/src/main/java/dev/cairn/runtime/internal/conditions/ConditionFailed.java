package dev.cairn.runtime.internal.conditions;

import dev.cairn.runtime.ConditionsReport.Phase;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import java.sql.SQLException;

/**
 * A migration's precondition or postcondition that failed, or could not run: what the engine's
 * failure path turns into the migration's {@link dev.cairn.runtime.MigrationFailedException},
 * whose advice depends on the {@link #phase()}. A cause, if any, is the error that stopped a check
 * from running (a failed query, an exception of the conditions' own code).
 */
public final class ConditionFailed extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final Phase phase;

    private ConditionFailed(Phase phase, String message, Throwable cause) {
        super(ErrorCode.CONDITION_FAILED, message, cause);
        this.phase = phase;
    }

    /** A check that ran and found what it did not expect; {@code expected} is empty for {@code that()}. */
    static ConditionFailed failed(Phase phase, String check, String expected, String found) {
        return new ConditionFailed(phase, singular(phase) + " \"" + check + "\" failed: "
                + (expected.isEmpty() ? "" : "expected " + expected + "; ") + "found " + found + ".", null);
    }

    /** A check, named, or the conditions' code around the checks ({@code check} null), that threw. */
    static ConditionFailed couldNotRun(Phase phase, String check, Throwable error) {
        String what = check == null ? method(phase) + " threw " : singular(phase) + " \"" + check + "\" could not run: ";
        return new ConditionFailed(phase, what + describe(error), error);
    }

    /** Which of the migration's conditions failed. */
    public Phase phase() {
        return phase;
    }

    /** {@code "preconditions()"} or {@code "postconditions()"}: the method of {@link dev.cairn.runtime.JavaMigration}. */
    public static String method(Phase phase) {
        return phase == Phase.PRECONDITIONS ? "preconditions()" : "postconditions()";
    }

    private static String singular(Phase phase) {
        return phase == Phase.PRECONDITIONS ? "precondition" : "postcondition";
    }

    private static String describe(Throwable error) {
        if (error instanceof SQLException sql) {
            return (sql.getSQLState() == null ? "" : "[SQLState " + sql.getSQLState() + "] ") + sql.getMessage();
        }
        return error instanceof MigrationException ? error.getMessage() : error.getClass().getName() + ": " + error.getMessage();
    }
}
