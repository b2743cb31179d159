package dev.cairn.runtime.internal;

import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.spi.StatementCanceller;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops a migration that runs past {@code migrationTimeout}: cancels its running statement through
 * the database and interrupts its thread (a sleep or a wait in Java code), so that it fails and its
 * transaction rolls back. One daemon timer thread serves every migrator of the JVM; each cancel
 * runs on a thread of its own, since it may open a connection, and {@link #close()} waits for it,
 * so that no cancel or interrupt lands on Cairn's own work after the migration.
 */
final class Watchdog implements AutoCloseable {

    private static final Logger LOG = System.getLogger(Migrator.LOGGER_NAME);
    /** How long {@link #close()} waits for a cancel under way, such as one waiting for a connection. */
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(30);

    /** Holds the timer thread, created only when a migration has a timeout. */
    private static final class Timer {
        static final ScheduledExecutorService THREAD = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cairn-migration-timeout");
            thread.setDaemon(true);
            return thread;
        });
    }

    private final Thread migrating;
    private final StatementCanceller canceller;
    private final ScheduledFuture<?> alarm;
    /** Set once, by whichever comes first: the alarm or {@link #close()}. */
    private final AtomicBoolean decided = new AtomicBoolean();
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private volatile boolean fired;

    private Watchdog(Duration timeout, StatementCanceller canceller) {
        this.migrating = Thread.currentThread();
        this.canceller = canceller;
        this.alarm = Timer.THREAD.schedule(this::fire, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Watches the calling thread's migration for {@code timeout}. */
    static Watchdog watch(Duration timeout, StatementCanceller canceller) {
        return new Watchdog(timeout, canceller);
    }

    private void fire() {
        if (!decided.compareAndSet(false, true)) {
            return;
        }
        fired = true;
        Thread cancel = new Thread(this::cancel, "cairn-migration-cancel");
        cancel.setDaemon(true);
        cancel.start();
    }

    private void cancel() {
        try {
            canceller.cancel();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot cancel the statement of a migration past its migrationTimeout: " + e
                    + "; it stops at its next statement");
        } finally {
            migrating.interrupt();
            cancelled.countDown();
        }
    }

    /** Whether the timeout passed, and the migration was cancelled. */
    boolean fired() {
        return fired;
    }

    /**
     * Stops watching. If the alarm went off, waits for its cancel to be done, then clears the
     * interrupt it sent, which the command must not carry on.
     */
    @Override
    public void close() {
        if (decided.compareAndSet(false, true)) {
            alarm.cancel(false);
            return;
        }
        try {
            if (!cancelled.await(CANCEL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "The cancel of a migration past its migrationTimeout did not end within "
                        + CANCEL_WAIT.toSeconds() + " s; going on without it");
            }
        } catch (InterruptedException e) {
            // The interrupt is the cancel's own, sent before it counted down: wait no longer.
        }
        Thread.interrupted();
    }
}
