package dev.cairn.runtime.internal.data;

import dev.cairn.runtime.spi.StatementCanceller;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stops a data migration's workers when its deadline passes: cancels the statement each runs
 * (one its handler runs on the batch's connection, say, which no statement timeout covers) and
 * interrupts its thread (a sleep in the handler), so that the batch under way fails and rolls
 * back. Once {@link #close()} returned, it cancels nothing more: Cairn's own statements follow.
 */
final class DeadlineAlarm implements AutoCloseable {

    /** One daemon timer thread for every run of the JVM, created when the first run has a deadline. */
    private static final class Timer {
        static final ScheduledExecutorService THREAD = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cairn-data-timeout");
            thread.setDaemon(true);
            return thread;
        });
    }

    private record Watched(Thread thread, StatementCanceller canceller) {
    }

    private final List<Watched> watched = new ArrayList<>();
    private final ScheduledFuture<?> alarm;
    private boolean closed;
    private boolean fired;

    DeadlineAlarm(Deadline deadline) {
        this.alarm = deadline.timeout() == null ? null
                : Timer.THREAD.schedule(this::fire, deadline.remainingNanos(), TimeUnit.NANOSECONDS);
    }

    /** Watches the calling thread, whose statements {@code canceller} cancels. */
    synchronized void watch(StatementCanceller canceller) {
        watched.add(new Watched(Thread.currentThread(), canceller));
    }

    private synchronized void fire() {
        if (closed) {
            return;
        }
        fired = true;
        for (Watched w : watched) {
            try {
                w.canceller().cancel();
            } catch (SQLException | RuntimeException e) {
                // The worker still stops: it checks the deadline before each row and before it commits.
            }
            w.thread().interrupt();
        }
    }

    /** Stops the alarm; clears the interrupt it sent the calling thread, which the command must not carry on. */
    @Override
    public synchronized void close() {
        closed = true;
        if (alarm != null) {
            alarm.cancel(false);
        }
        if (fired) {
            Thread.interrupted();
        }
    }
}
