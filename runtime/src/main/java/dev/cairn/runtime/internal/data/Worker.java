package dev.cairn.runtime.internal.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * One worker of a data migration, on its own connection: claims an open range, reads the next
 * batch of it after its checkpoint, processes and writes it, moves the checkpoint, commits; all in
 * one transaction, so that a batch and its checkpoint commit together or not at all. Runs until
 * no range is left to claim.
 */
final class Worker {

    private static final Duration THROTTLE_WAIT = Duration.ofSeconds(1);

    private final DataRun run;
    private final Connection connection;
    private final Connection guarded;
    private final boolean onSession;
    private int size;

    /** @param onSession whether it works on the command's own connection, where the migration's context runs */
    Worker(DataRun run, Connection connection, Connection guarded, boolean onSession) {
        this.run = run;
        this.connection = connection;
        this.guarded = guarded;
        this.onSession = onSession;
        this.size = run.plan().size();
    }

    /** Runs batches until no range is left to claim, or the run stops. */
    void work() throws BatchProblem {
        boolean first = true;
        while (!run.stopping()) {
            if (!first) {
                waitBetweenBatches();
            }
            first = false;
            if (!batch()) {
                return;
            }
        }
    }

    /** One batch; {@code false} if there was no open range to claim. */
    private boolean batch() throws BatchProblem {
        long number = 0;
        boolean ended = false;
        try {
            run.dialect().begin(connection);
            RangeRow range = run.tables().claim(connection, run.version(), run.direction(), run.dialect().claimClause());
            if (range == null) {
                return false;
            }
            number = run.nextBatchNumber();
            long start = System.nanoTime();
            Page page = run.reader().read(connection, range.resumeAfter(), range.upTo(), size, run.deadline());
            BatchBuffer buffer = new BatchBuffer(number, run.database(), guarded, false, run.deadline());
            List<Quarantined> bad = run.processor().process(connection, page, buffer, run.deadline());
            for (Quarantined q : bad) {
                run.tables().quarantine(connection, run.version(), run.direction(), q.row().key(), q.error(), q.row().raw());
            }
            RangeRow next = new RangeRow(range.number(), range.after(), range.upTo(),
                    page.lastKey() == null ? range.lastKey() : page.lastKey(), range.rowsDone() + page.rows().size(),
                    range.quarantined() + bad.size(), range.batches() + (page.rows().isEmpty() ? 0 : 1), range.total(),
                    page.exhausted());
            run.tables().checkpoint(connection, run.version(), run.direction(), next);
            if (next.done() && onSession && !run.tables().othersOpen(connection, run.version(), run.direction(), range.number())) {
                run.postconditions("in batch " + number + ", the last");
            }
            if (run.deadline().passed()) {
                throw BatchProblem.timedOut(run.deadline(), "in batch " + number, null);
            }
            run.dialect().commit(connection);
            ended = true;
            run.meter().committed(page.rows().size(), bad.size(), buffer.queued());
            if (onSession) {
                // Listeners hear from the thread that runs the command.
                run.meter().maybeReport();
            }
            adapt(System.nanoTime() - start, page.rows().size());
            return true;
        } catch (SQLException e) {
            if (run.deadline().passed()) {
                throw BatchProblem.timedOut(run.deadline(), "in batch " + number, e);
            }
            throw new BatchProblem(BatchProblem.Kind.OTHER, "in batch " + number, null, e);
        } catch (RuntimeException e) {
            // A driver's or a key type's own failure: still a batch that failed after the committed ones, not a failed up().
            throw new BatchProblem(BatchProblem.Kind.OTHER, "in batch " + number, null, e);
        } finally {
            if (!ended) {
                rollbackQuietly();
            }
        }
    }

    private void rollbackQuietly() {
        try {
            run.dialect().rollback(connection);
        } catch (SQLException e) {
            // The batch's failure is what the user must see; a connection that cannot roll back is closed by its owner.
        }
    }

    /** Toward batches of the target duration: at most half or double at a time, within a tenth and ten times the size. */
    private void adapt(long nanos, int rows) {
        Duration target = run.plan().adaptiveTarget();
        if (target == null || rows < size || nanos <= 0) {
            return;
        }
        double factor = Math.max(0.5, Math.min(2.0, (double) target.toNanos() / nanos));
        int base = run.plan().size();
        size = (int) Math.max(Math.max(1, base / 10), Math.min((long) base * 10, Math.round(size * factor)));
    }

    private void waitBetweenBatches() throws BatchProblem {
        BatchPlan plan = run.plan();
        try {
            sleep(plan.pause());
            while (plan.throttle() != null && !run.stopping() && plan.throttle().holdOff(guarded)) {
                if (run.deadline().passed()) {
                    throw BatchProblem.timedOut(run.deadline(), "while its throttle held it off", null);
                }
                sleep(plan.pause().isZero() ? THROTTLE_WAIT : plan.pause());
            }
        } catch (BatchProblem e) {
            throw e;
        } catch (InterruptedException e) {
            if (run.deadline().passed()) {
                throw BatchProblem.timedOut(run.deadline(), "while waiting between batches", e);
            }
            Thread.currentThread().interrupt();
            throw new BatchProblem(BatchProblem.Kind.OTHER, "while waiting between batches, interrupted", null, e);
        } catch (Exception e) {
            throw new BatchProblem(BatchProblem.Kind.OTHER, "in its throttle", null, e);
        }
    }

    private static void sleep(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            Thread.sleep(duration.toMillis());
        }
    }
}
