package dev.cairn.runtime.internal.data;

/**
 * Why a batch stopped, as a worker reports it to its run, which turns it into the migration's
 * error: what happened, in words that follow "failed" ({@code "on the row with key [7] in batch 3"}).
 */
final class BatchProblem extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of trouble it was, which decides the advice. */
    enum Kind {
        /** The row handler threw for a row. */
        ROW,
        /** Running the batch's buffered writes failed. */
        WRITE,
        /** The key cannot page the source: a NULL or repeated key. */
        KEY,
        /** A pre- or post-condition of the migration failed. */
        CONDITION,
        /** The migration's time ran out. */
        TIMEOUT,
        /** A preparation or checkpoint statement of Cairn's, or the database connection. */
        OTHER
    }

    private final Kind kind;
    private final String statement;

    BatchProblem(Kind kind, String what, String statement, Throwable cause) {
        super(what, cause);
        this.kind = kind;
        this.statement = statement;
    }

    /**
     * The migration ran past its timeout {@code when} ({@code "in batch 4"}).
     *
     * @param cause the failure of the statement the timeout cancelled, or {@code null}
     */
    static BatchProblem timedOut(Deadline deadline, String when, Throwable cause) {
        return new BatchProblem(Kind.TIMEOUT, "by running past its timeout (" + DataFailures.seconds(deadline.timeout()) + ") "
                + when, null, cause);
    }

    Kind kind() {
        return kind;
    }

    /** The statement that failed, or {@code null}. */
    String statement() {
        return statement;
    }
}
