package dev.cairn.runtime.internal;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.MigrationFailedException;
import dev.cairn.runtime.RepeatableMigration;
import dev.cairn.runtime.internal.conditions.ConditionFailed;
import java.sql.SQLException;
import java.util.List;

/** Builds the message of a failed migration: what failed, what state the database is in, what to do. */
final class Failures {

    /** Why a migration ran. */
    enum Mode { APPLY, ROLLBACK, DRY_RUN }

    private Failures() {
    }

    /**
     * @param cause why it failed, which decides the advice: only a failure of the migration's own
     *     code or SQL asks to fix it
     */
    static MigrationFailedException failed(MigrationDescriptor m, Mode mode, RecordingContext ctx, Throwable error,
            FailureCause cause) {
        FailedStatement statement = ctx.failedStatement();
        StringBuilder text = new StringBuilder();
        text.append(switch (mode) {
            case APPLY -> "Migration " + m.displayName() + " failed";
            case ROLLBACK -> "Rolling back migration " + m.displayName() + " failed";
            case DRY_RUN -> "Dry run: migration " + m.displayName() + " fails";
        });
        text.append(consequence(m, mode, ctx));
        if (statement != null) {
            text.append("\n  ").append(statement.heading()).append(": ").append(statement.shown());
        }
        text.append("\n  Error: ").append(statement == null ? describe(error) : statement.located(describe(error)));
        text.append('\n').append(advice(m, mode, cause, ctx.sqlFile()));
        return new StepFailedException(cause, m, statement == null ? null : statement.text(), text.toString(), error);
    }

    /** A repeatable migration failed in its transaction (or in a dry run's), which was rolled back. */
    static MigrationException repeatableFailed(RepeatableMigration r, RecordingContext ctx, Throwable error, FailureCause cause,
            boolean dryRun) {
        FailedStatement statement = ctx.failedStatement();
        StringBuilder text = new StringBuilder(dryRun ? "Dry run: repeatable migration \"" : "Repeatable migration \"")
                .append(r.name()).append("\" (").append(r.resource()).append(dryRun
                        ? ") fails. Nothing was changed: a dry run rolls everything back."
                        : ") failed, and its transaction was rolled back: the versioned migrations of this migrate stay"
                                + " applied, and it stays as it last ran.");
        if (statement != null) {
            text.append("\n  ").append(statement.heading()).append(": ").append(statement.shown());
        }
        text.append("\n  Error: ").append(statement == null ? describe(error) : statement.located(describe(error)));
        text.append('\n').append(cause == FailureCause.MIGRATION ? "Fix " + r.resource() + ", rebuild, and run migrate again."
                : "Nothing needs fixing in " + r.resource() + ": run migrate again once the cause above is solved.");
        return new MigrationException(cause == FailureCause.LOCK ? ErrorCode.LOCK_TIMEOUT : cause == FailureCause.CONNECTION
                ? ErrorCode.CONNECTION : ErrorCode.MIGRATION_FAILED, text.toString(), error);
    }

    /**
     * A non-transactional migration whose {@code up()} or {@code down()} ran to the end but whose
     * history row or log row could not be written: the database has its changes, the history
     * does not say so.
     */
    static MigrationFailedException unrecorded(MigrationDescriptor m, Mode mode, RecordingContext ctx, Throwable error) {
        List<String> done = ctx.statementsForMessage(false);
        String text = (mode == Mode.APPLY ? "Migration " + m.displayName() + " ran to the end, but could not be recorded as"
                + " applied." : "Rolling back migration " + m.displayName() + " ran to the end, but could not be recorded.")
                + " It is non-transactional (transactional = false), so its changes stay"
                + (done.isEmpty() ? "." : ":\n    " + String.join("\n    ", done))
                + "\n  Error: " + describe(error) + "\n"
                + (mode == Mode.APPLY ? "Check the database, then run repair and migrate again (it will run migration "
                        + m.version() + " again, so undo its changes first or make sure running it twice is harmless)."
                        : "Check the database, then run repair; migration " + m.version() + " is already recorded as not applied.");
        return new StepFailedException(FailureCause.MIGRATION, m, null, text, error);
    }

    /**
     * The lock was found lost before commit and the migration's transaction rolled back:
     * another instance could have taken the lock meanwhile.
     */
    static MigrationException lockLost(MigrationDescriptor m, Mode mode, String database) {
        return new MigrationException(ErrorCode.LOCK_LOST, "Lost the Cairn migration lock of " + database + " while "
                + (mode == Mode.APPLY ? "applying" : "rolling back") + " migration " + m.displayName() + ": the lock's"
                + " connection ended or no longer holds it (idle_session_timeout, a connection pooler such as PgBouncer in"
                + " transaction mode, a network failure, or pg_terminate_backend). Another instance could have taken the"
                + " lock, so the migration's transaction was rolled back instead of committed: nothing of "
                + (mode == Mode.APPLY ? "migration " + m.version() + " was committed." : "its rollback was committed, it is"
                        + " still applied.") + " Earlier migrations of this command stay done. Run the command again; if"
                + " this repeats, give Cairn direct connections to PostgreSQL and check idle_session_timeout.");
    }

    /**
     * A non-transactional migration ran to the end after its lock was lost: its changes stay, and
     * Cairn records nothing, since another instance may have taken the lock meanwhile.
     */
    static MigrationException lockLostAfterRun(MigrationDescriptor m, Mode mode, String database) {
        return new MigrationException(ErrorCode.LOCK_LOST, "Lost the Cairn migration lock of " + database + " while "
                + (mode == Mode.APPLY ? "applying" : "rolling back") + " migration " + m.displayName() + ", which is"
                + " non-transactional (transactional = false): its " + (mode == Mode.APPLY ? "up()" : "down()") + " ran to"
                + " the end and its changes stay, but another instance could have taken the lock meanwhile, so Cairn"
                + " recorded nothing and left its running marker open. The lock's connection ended or no longer holds"
                + " it (idle_session_timeout, a connection pooler in transaction mode, a network failure, or"
                + " pg_terminate_backend). Run status: migration " + m.version() + " shows as interrupted. Check that its"
                + " changes are complete, or undo them, then run repair; "
                + (mode == Mode.APPLY ? "then migrate runs it again (so undo its changes first, or make sure running it"
                        + " twice is harmless), or, if its changes are complete and no other migration is pending below it,"
                        + " baseline " + m.version() + " records it without running it (baseline records every pending"
                        + " migration up to its version)" : "it then counts as not applied") + ".");
    }

    /** The connection failed during COMMIT: the database may or may not have committed it. */
    static MigrationException commitOutcomeUnknown(MigrationDescriptor m, Mode mode, SQLException error, String database) {
        return new MigrationException(ErrorCode.COMMIT_OUTCOME_UNKNOWN, "The connection to " + database + " failed while"
                + " committing " + (mode == Mode.APPLY ? "migration " : "the rollback of migration ") + m.displayName()
                + " (" + describe(error) + "), so whether it was committed is unknown. Run status to see whether migration "
                + m.version() + " is applied, then run " + (mode == Mode.APPLY ? "migrate" : "the rollback")
                + " again if it is still to do.", error);
    }

    private static String consequence(MigrationDescriptor m, Mode mode, RecordingContext ctx) {
        if (mode == Mode.DRY_RUN) {
            return ". Nothing was changed: a dry run rolls everything back.";
        }
        if (!m.transactional()) {
            List<String> before = ctx.statementsForMessage(ctx.failedStatement() != null);
            return ". It is non-transactional (transactional = false), so what ran before the failure stays done"
                    + (before.isEmpty() ? " (no statement ran before it)." : ":\n    " + String.join("\n    ", before));
        }
        return mode == Mode.APPLY
                ? ", and its transaction was rolled back: the database is as it was before it. Migrations applied"
                        + " before it stay applied; the ones after it were not run."
                : ", and its transaction was rolled back: it is still applied. Migrations rolled back before it stay"
                        + " rolled back.";
    }

    private static String advice(MigrationDescriptor m, Mode mode, String sqlFile) {
        if (mode == Mode.APPLY && !m.transactional()) {
            return "Check the database, undo or complete those changes by hand, then run repair and migrate again.";
        }
        if (mode == Mode.ROLLBACK && !m.transactional()) {
            // The history row went before down() ran: a rollback again would find nothing to undo.
            return "Its down() stopped part way, and the history no longer lists migration " + m.version() + " as applied."
                    + " Check the database and finish that down() by hand, or undo what it did, then run repair to clear"
                    + " this state. Either way the migration counts as not applied: migrate would run its up() again.";
        }
        if (sqlFile != null) {
            return "Fix " + sqlFile + ", rebuild, and run " + (mode == Mode.ROLLBACK ? "the rollback" : "migrate") + " again.";
        }
        return switch (mode) {
            case APPLY, DRY_RUN -> "Fix " + m.className() + ".up(), rebuild, and run migrate again.";
            case ROLLBACK -> "Fix " + m.className() + ".down(), rebuild, and run the rollback again.";
        };
    }

    /**
     * What to do: fix the migration when its own code or SQL failed; otherwise say what failed
     * around it and that it may run again as it is once that is gone. A non-transactional one may
     * be half applied whatever the cause, so its own advice (check, undo, repair) follows.
     */
    private static String advice(MigrationDescriptor m, Mode mode, FailureCause cause, String sqlFile) {
        String what = switch (cause) {
            case MIGRATION -> "";
            case STACK_OVERFLOW -> "It recursed until the JVM's stack ran out (StackOverflowError). ";
            case CONNECTION -> "The connection to the database was lost (the server restarted, an administrator ended"
                    + " the session, or the network failed). ";
            case LOCK -> "Another session held a lock on what the migration needed for longer than Cairn waits,"
                    + " or a deadlock was broken. Find that session (PostgreSQL: pg_locks joined with pg_stat_activity;"
                    + " SQLite: another process with a long transaction on the file) and let it finish, or wait longer"
                    + " (statementLockTimeout on PostgreSQL, lockTimeout on SQLite). ";
            case DATABASE_RESOURCES -> "The database server ran out of resources (disk space, memory or connections):"
                    + " free them on the server. ";
            case JVM_MEMORY -> "The JVM ran out of memory while running it: give it more heap (-Xmx), or make the"
                    + " migration hold less at once (process rows in batches rather than loading them all). ";
            case CANCELLED -> "Its statement was cancelled, by an administrator (pg_cancel_backend) or a timeout"
                    + " (statement_timeout). ";
            case TIMED_OUT -> "It ran longer than migrationTimeout, so Cairn cancelled it. If it needs longer, raise"
                    + " migrationTimeout, or make it do less in one run. ";
            case EXISTING_SCHEMA -> "The database already has what it creates, and Cairn's history records no migration:"
                    + " the database was probably set up before Cairn, by hand or by another tool. If it already has the"
                    + " changes of the migrations up to some version, record them as applied with baseline(<version>)"
                    + " instead of running them; then migrate applies the rest. ";
            case PRECONDITION, POSTCONDITION -> conditionAdvice(m, mode, cause == FailureCause.PRECONDITION);
        };
        if (cause == FailureCause.EXISTING_SCHEMA || cause == FailureCause.PRECONDITION || cause == FailureCause.POSTCONDITION) {
            return what.strip();
        }
        if (cause == FailureCause.MIGRATION || cause == FailureCause.STACK_OVERFLOW
                || !m.transactional() && mode != Mode.DRY_RUN) {
            return what + advice(m, mode, sqlFile);
        }
        return what + "Nothing needs fixing in " + (sqlFile != null ? sqlFile : m.className()) + ": "
                + (mode == Mode.ROLLBACK ? "run the rollback again" : "run migrate again") + " once that is solved.";
    }

    /**
     * What to do about a failed condition (conditions run only to apply, or in a dry run): a
     * failed precondition means the database is not what the migration expects, a failed
     * postcondition that its up() did not do what it promises.
     */
    private static String conditionAdvice(MigrationDescriptor m, Mode mode, boolean precondition) {
        boolean changesKept = !m.transactional() && mode == Mode.APPLY;
        if (precondition) {
            return "The database is not in the state this migration expects, so its up() did not run: was the database"
                    + " changed by hand, or is something it needs missing (a migration it should depend on, data it needs)?"
                    + " Bring the database into that state, or correct " + m.className() + ".preconditions() if the check"
                    + " is what is wrong and rebuild; then " + (changesKept ? "run repair (Cairn recorded the attempt of"
                            + " this non-transactional migration) and " : "") + "run migrate again.";
        }
        if (changesKept) {
            return "Its up() ran to the end but did not do what its postconditions promise, and being non-transactional it"
                    + " could not be rolled back. Check the database and undo or complete those changes by hand, fix "
                    + m.className() + ".up() (or its postconditions(), if the check is what is wrong) and rebuild, then"
                    + " run repair and migrate again.";
        }
        return "Its up() ran, but did not do what its postconditions promise. Fix " + m.className() + ".up(), or its"
                + " postconditions() if the check is what is wrong, rebuild, and run migrate again.";
    }

    /** The error as a user needs it: the database's SQLState and message, Cairn's own message, or the exception. */
    static String describe(Throwable error) {
        if (error instanceof ConditionFailed) {
            // It names the check, and describes the database error of one that could not run.
            return error.getMessage();
        }
        if (error instanceof TimedOut) {
            return "it " + error.getMessage() + (error.getCause() == null ? "" : " (" + describe(error.getCause()) + ")");
        }
        SQLException sql = SqlErrors.find(error);
        if (sql != null) {
            return (sql.getSQLState() == null ? "" : "[SQLState " + sql.getSQLState() + "] ") + sql.getMessage();
        }
        if (error instanceof MigrationException refused) {
            return refused.getMessage();
        }
        return error.getClass().getName() + ": " + error.getMessage();
    }
}
