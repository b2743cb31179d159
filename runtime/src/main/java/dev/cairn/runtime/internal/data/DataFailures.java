package dev.cairn.runtime.internal.data;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import java.sql.SQLException;
import java.time.Duration;

/** The messages of failed data migrations: what failed, what stays committed, what to do. */
final class DataFailures {

    private DataFailures() {
    }

    /**
     * The failure of a real run, whose committed batches stay.
     *
     * @param rollback whether it ran the migration's backward work
     * @param rowsDone the rows committed over all runs
     * @param batchesDone the batches this run committed
     */
    static DataStepException failed(MigrationDescriptor m, boolean rollback, BatchProblem problem, long rowsDone,
            long batchesDone, String dataTable) {
        String again = rollback ? "run the rollback again" : "run migrate again";
        String text = (rollback ? "Rolling back data migration " : "Data migration ") + m.displayName() + " failed "
                + problem.getMessage() + (problem.getCause() == null ? "" : ": " + describe(problem.getCause())) + "."
                + (rowsDone == 0 ? "\n  No batch of it was committed; the next run starts from the beginning." : "\n  The batch under way was rolled back; the batches"
                        + " committed before it stay, with their checkpoint in " + dataTable + " (" + rowsDone
                        + (rowsDone == 1 ? " row" : " rows") + " done in all, " + batchesDone
                        + (batchesDone == 1 ? " batch" : " batches") + " in this run).")
                + "\n" + advice(m, problem.kind(), again);
        return new DataStepException(code(problem), m, problem.statement(), text,
                (rollback ? "down: " : "up: ") + problem.getMessage() + (problem.getCause() == null ? ""
                        : ": " + describe(problem.getCause())) + " (" + rowsDone + " rows done, resumable)", problem.getCause());
    }

    /**
     * The refusal to resume an interrupted run with code that changed since it began: its committed
     * batches were paged and written by the old code, and the checkpoint holds the old key, so
     * going on could skip or repeat rows.
     */
    static MigrationException changedSinceInterrupted(MigrationDescriptor m, boolean rollback, String recorded,
            String dataTable) {
        String direction = rollback ? "down" : "up";
        return new MigrationException(ErrorCode.CHECKSUM_MISMATCH, (rollback ? "Rolling back data migration "
                : "Data migration ") + m.displayName() + " stopped part way, and its code changed since (checksum " + recorded
                + " then, " + m.checksum() + " now). Its committed batches were paged and written by the old code and its"
                + " checkpoint holds the old key, so Cairn will not go on with the new code: rows could be skipped or done"
                + " twice. Either build the old code again and " + (rollback ? "run the rollback" : "run migrate")
                + " to finish the run, or undo what its committed batches wrote and delete its checkpoint (DELETE FROM "
                + dataTable + " WHERE version = '" + m.version() + "' AND direction = '" + direction + "'), then "
                + (rollback ? "run the rollback" : "run migrate") + " to start it from the beginning. Nothing was changed.");
    }

    /** The failure of a dry run, which changed nothing. */
    static DataStepException dryRunFailed(MigrationDescriptor m, BatchProblem problem) {
        String text = "Dry run: data migration " + m.displayName() + " fails " + problem.getMessage()
                + (problem.getCause() == null ? "" : ": " + describe(problem.getCause()))
                + ". Nothing was changed: a dry run rolls everything back.\n" + advice(m, problem.kind(), "run the dry run again");
        return new DataStepException(code(problem), m, problem.statement(), text, "dry run: " + problem.getMessage(),
                problem.getCause());
    }

    private static ErrorCode code(BatchProblem problem) {
        // A condition's own code (CONDITION_FAILED) tells callers more than MIGRATION_FAILED.
        return problem.kind() == BatchProblem.Kind.CONDITION && problem.getCause() instanceof MigrationException own ? own.code()
                : ErrorCode.MIGRATION_FAILED;
    }

    private static String advice(MigrationDescriptor m, BatchProblem.Kind kind, String again) {
        return switch (kind) {
            case ROW -> "Fix that row, or " + m.className() + "'s row handler, or set such rows aside with"
                    + " .onError(OnError.QUARANTINE); then " + again + ": it resumes after the last committed batch.";
            case WRITE -> "Find the row whose writes the database refuses and fix it or the handler, or use"
                    + " .onError(OnError.QUARANTINE), which retries the batch row by row and sets the refused rows aside; then "
                    + again + ": it resumes after the last committed batch.";
            case KEY -> "Page the rows by a unique key whose columns are never NULL, such as the primary key (add columns"
                    + " to key(...) until it is unique), or leave such rows out with where(...); then " + again + ". The"
                    + " batches committed so far were paged by the old key, so Cairn will not resume them with the new"
                    + " code: it will ask you to undo them or keep the old key.";
            case CONDITION -> "Fix what the check found (or the check, in " + m.className() + "); then " + again
                    + ": it resumes where it stopped and checks again.";
            case TIMEOUT -> again.substring(0, 1).toUpperCase() + again.substring(1) + ": it resumes after the last"
                    + " committed batch. To do more in one run, raise migrationTimeout or give the migration .timeout(...).";
            case OTHER -> "Nothing needs fixing in " + m.className() + " if the cause above is solved (a lost connection, a"
                    + " lock, a full disk): " + again + ", which resumes after the last committed batch.";
        };
    }

    /** The error as a user needs it: the database's SQLState and message, or the exception. */
    static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return (sql.getSQLState() == null ? "" : "[SQLState " + sql.getSQLState() + "] ") + sql.getMessage();
            }
        }
        if (error instanceof MigrationException own) {
            return own.getMessage();
        }
        return error.getClass().getName() + ": " + error.getMessage();
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
