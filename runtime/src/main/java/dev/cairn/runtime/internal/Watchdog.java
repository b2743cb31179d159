package dev.cairn.runtime.internal;

import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.spi.StatementCanceller;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stops a migration that runs past {@code migrationTimeout}: cancels its running statement through
 * the database and interrupts its thread (a sleep or a wait in Java code), so that it fails and its
 * transaction rolls back. One daemon thread serves every migrator of the JVM, started on first use.
 */
final class Watchdog implements AutoCloseable {

    private static final Logger LOG = System.getLogger(Migrator.LOGGER_NAME);

    /** Holds the timer thread, created only when a migration has a timeout. */
    private static final class Timer {
        static final ScheduledExecutorService THREAD = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cairn-migration-timeout");
            thread.setDaemon(true);
            return thread;
        });
    }

    private final Thread migrating;
    private final ScheduledFuture<?> alarm;
    private volatile boolean fired;

    private Watchdog(Duration timeout, StatementCanceller canceller) {
        this.migrating = Thread.currentThread();
        this.alarm = Timer.THREAD.schedule(() -> fire(canceller), timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Watches the calling thread's migration for {@code timeout}. */
    static Watchdog watch(Duration timeout, StatementCanceller canceller) {
        return new Watchdog(timeout, canceller);
    }

    private void fire(StatementCanceller canceller) {
        fired = true;
        try {
            canceller.cancel();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot cancel the statement of a migration past its migrationTimeout: " + e
                    + "; it stops at its next statement");
        }
        migrating.interrupt();
    }

    /** Whether the timeout passed, and the migration was cancelled. */
    boolean fired() {
        return fired;
    }

    /** Stops watching; clears the interrupt it may have sent, which the command must not carry on. */
    @Override
    public void close() {
        alarm.cancel(false);
        if (fired) {
            Thread.interrupted();
        }
    }
}
