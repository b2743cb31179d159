package dev.cairn.runtime.internal;

import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationFailedException;
import java.sql.SQLException;
import java.util.List;

/** Builds the message of a failed migration: what failed, what state the database is in, what to do. */
final class Failures {

    /** Why a migration ran. */
    enum Mode { APPLY, ROLLBACK, DRY_RUN }

    private Failures() {
    }

    static MigrationFailedException failed(MigrationDescriptor m, Mode mode, RecordingContext ctx, Throwable error) {
        String statement = ctx.failedStatement();
        StringBuilder text = new StringBuilder();
        text.append(switch (mode) {
            case APPLY -> "Migration " + m.displayName() + " failed";
            case ROLLBACK -> "Rolling back migration " + m.displayName() + " failed";
            case DRY_RUN -> "Dry run: migration " + m.displayName() + " fails";
        });
        text.append(consequence(m, mode, ctx));
        if (statement != null) {
            text.append("\n  Statement: ").append(statement);
        }
        text.append("\n  Error: ").append(describe(error));
        text.append('\n').append(advice(m, mode));
        return new MigrationFailedException(m, statement, text.toString(), error);
    }

    /**
     * A non-transactional migration whose {@code up()} or {@code down()} ran to the end but whose
     * history row or log row could not be written: the database has its changes, the history
     * does not say so.
     */
    static MigrationFailedException unrecorded(MigrationDescriptor m, Mode mode, RecordingContext ctx, Throwable error) {
        List<String> done = ctx.statements();
        String text = (mode == Mode.APPLY ? "Migration " + m.displayName() + " ran to the end, but could not be recorded as"
                + " applied." : "Rolling back migration " + m.displayName() + " ran to the end, but could not be recorded.")
                + " It is non-transactional (transactional = false), so its changes stay"
                + (done.isEmpty() ? "." : ":\n    " + String.join("\n    ", done))
                + "\n  Error: " + describe(error) + "\n"
                + (mode == Mode.APPLY ? "Check the database, then run repair and migrate again (it will run migration "
                        + m.version() + " again, so undo its changes first or make sure running it twice is harmless)."
                        : "Check the database, then run repair; migration " + m.version() + " is already recorded as not applied.");
        return new MigrationFailedException(m, null, text, error);
    }

    private static String consequence(MigrationDescriptor m, Mode mode, RecordingContext ctx) {
        if (mode == Mode.DRY_RUN) {
            return ". Nothing was changed: a dry run rolls everything back.";
        }
        if (!m.transactional()) {
            List<String> done = ctx.statements();
            List<String> before = ctx.failedStatement() == null ? done : done.subList(0, done.size() - 1);
            return ". It is non-transactional (transactional = false), so what ran before the failure stays done"
                    + (before.isEmpty() ? " (no statement ran before it)." : ":\n    " + String.join("\n    ", before));
        }
        return mode == Mode.APPLY
                ? ", and its transaction was rolled back: the database is as it was before it. Migrations applied"
                        + " before it stay applied; the ones after it were not run."
                : ", and its transaction was rolled back: it is still applied. Migrations rolled back before it stay"
                        + " rolled back.";
    }

    private static String advice(MigrationDescriptor m, Mode mode) {
        if (mode != Mode.DRY_RUN && !m.transactional()) {
            return "Check the database, undo or complete those changes by hand, then run repair and "
                    + (mode == Mode.APPLY ? "migrate" : "the rollback") + " again.";
        }
        return switch (mode) {
            case APPLY, DRY_RUN -> "Fix " + m.className() + ".up(), rebuild, and run migrate again.";
            case ROLLBACK -> "Fix " + m.className() + ".down(), rebuild, and run the rollback again.";
        };
    }

    /** The error as a user needs it: the database's SQLState and message, or the exception. */
    static String describe(Throwable error) {
        SQLException sql = SqlErrors.find(error);
        if (sql != null) {
            return (sql.getSQLState() == null ? "" : "[SQLState " + sql.getSQLState() + "] ") + sql.getMessage();
        }
        return error.getClass().getName() + ": " + error.getMessage();
    }
}
