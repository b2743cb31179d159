package dev.cairn.runtime.internal.data;

import dev.cairn.runtime.data.OnError;
import dev.cairn.runtime.data.RowHandler;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a page's rows through the handler into a {@link BatchBuffer}, then its writes, in the
 * caller's transaction. Under {@link OnError#QUARANTINE} a row whose handler throws loses its
 * buffered writes, and a failed flush is retried row by row, each behind a savepoint, to find the
 * rows whose writes the database refuses.
 */
final class BatchProcessor {

    private static final String SAVEPOINT = "cairn_batch";

    private final RowHandler handler;
    private final OnError onError;

    BatchProcessor(BatchPlan plan) {
        this.handler = plan.handler();
        this.onError = plan.onError();
    }

    /** Processes and writes the page; returns the rows set aside. */
    List<Quarantined> process(Connection connection, Page page, BatchBuffer buffer, Deadline deadline) throws BatchProblem {
        List<Quarantined> bad = new ArrayList<>();
        List<RowValues> rows = page.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (deadline.passed()) {
                throw timedOut(deadline, buffer);
            }
            RowValues row = rows.get(i);
            int[] mark = buffer.startRow(i);
            try {
                handler.process(row, buffer);
            } catch (Exception e) {
                if (onError == OnError.FAIL || deadline.passed()) {
                    throw deadline.passed() ? timedOut(deadline, buffer) : new BatchProblem(BatchProblem.Kind.ROW,
                            "on the row with key " + row.key() + " in batch " + buffer.number(), null, e);
                }
                buffer.dropSince(mark);
                bad.add(new Quarantined(row, DataFailures.describe(e)));
            }
        }
        buffer.startRow(-1);
        write(connection, page, buffer, bad, deadline);
        return bad;
    }

    private void write(Connection connection, Page page, BatchBuffer buffer, List<Quarantined> bad, Deadline deadline)
            throws BatchProblem {
        try {
            DataDialect.execute(connection, "SAVEPOINT " + SAVEPOINT);
            try {
                buffer.flush(connection);
            } catch (SQLException e) {
                if (deadline.passed()) {
                    throw timedOut(deadline, buffer);
                }
                if (onError == OnError.FAIL) {
                    throw new BatchProblem(BatchProblem.Kind.WRITE, "writing batch " + buffer.number() + " (the rows with keys "
                            + page.rows().get(0).key() + " to " + page.lastKey() + ")", null, e);
                }
                DataDialect.execute(connection, "ROLLBACK TO SAVEPOINT " + SAVEPOINT);
                writeRowByRow(connection, page, buffer, bad);
            }
            DataDialect.execute(connection, "RELEASE SAVEPOINT " + SAVEPOINT);
        } catch (SQLException e) {
            throw new BatchProblem(BatchProblem.Kind.OTHER, "writing batch " + buffer.number(), null, e);
        }
    }

    /** Writes each row's values behind a savepoint of its own, setting aside the rows the database refuses. */
    private void writeRowByRow(Connection connection, Page page, BatchBuffer buffer, List<Quarantined> bad) throws SQLException {
        Set<RowValues> alreadyBad = new HashSet<>();
        bad.forEach(q -> alreadyBad.add(q.row()));
        List<RowValues> rows = page.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (alreadyBad.contains(rows.get(i))) {
                continue;
            }
            DataDialect.execute(connection, "SAVEPOINT " + SAVEPOINT + "_row");
            try {
                buffer.flushRow(connection, i);
                DataDialect.execute(connection, "RELEASE SAVEPOINT " + SAVEPOINT + "_row");
            } catch (SQLException e) {
                DataDialect.execute(connection, "ROLLBACK TO SAVEPOINT " + SAVEPOINT + "_row");
                DataDialect.execute(connection, "RELEASE SAVEPOINT " + SAVEPOINT + "_row");
                bad.add(new Quarantined(rows.get(i), "its writes failed: " + DataFailures.describe(e)));
            }
        }
    }

    private static BatchProblem timedOut(Deadline deadline, BatchBuffer buffer) {
        return BatchProblem.timedOut(deadline, "in batch " + buffer.number(), null);
    }
}
