package dev.cairn.runtime.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.LogEntry;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.internal.data.DataTables;
import dev.cairn.runtime.spi.MigrationLock;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The open attempts of non-transactional migrations (a "running" marker or a failure in the
 * log, not closed by a later row): whether one blocks a command, and what to tell the user.
 * One rule decides whether a marker's run is still going, for migrate, repair, baseline and status.
 */
final class RunningMarkers {

    private static final Logger LOG = System.getLogger(Migrator.LOGGER_NAME);

    /** A migration's last attempt, still open: it failed or is running. */
    record Attempt(MigrationDescriptor migration, LogEntry entry) {
    }

    private final Session session;

    RunningMarkers(Session session) {
        this.session = session;
    }

    /**
     * Refuses if a non-transactional migration of {@code todo} was interrupted or failed and may
     * be half applied. Waits instead, outside any transaction, while another process is still
     * running it (SQLite, whose lock does not cover such a run). Inside the caller's transaction.
     */
    void checkNotInterrupted(List<MigrationDescriptor> todo, LockedHistory locked) throws SQLException {
        if (todo.stream().allMatch(MigrationDescriptor::transactional)) {
            return;
        }
        long deadline = System.nanoTime() + session.settings().lockTimeout().toNanos();
        boolean waiting = false;
        Attempt open;
        while ((open = openAttempt(todo, locked.applied().keySet(), locked.lock())) != null) {
            if (!stillRunning(open.entry(), locked.lock())) {
                throw interrupted(open, locked.lock());
            }
            if (System.nanoTime() - deadline > 0) {
                throw timedOut(open);
            }
            if (!waiting) {
                Attempt running = open;
                LOG.log(Level.INFO, () -> "Waiting for migration " + running.migration().displayName()
                        + ", which another process is running (" + running.entry().detail() + ")");
                waiting = true;
            }
            locked.lock().rollback();
            locked.rolledBack();
            pause();
            locked.beginAgain();
            locked.ensureTables();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException(ErrorCode.LOCK_TIMEOUT, "Interrupted while waiting for another process's migration.", e);
        }
    }

    /**
     * The open attempt of an unapplied non-transactional migration of {@code todo} that blocks the
     * command, or {@code null}. A data migration's run that left checkpoints blocks only while it
     * is still going: once it ended, the next run resumes it. One query, two if an attempt is open.
     */
    private Attempt openAttempt(Collection<MigrationDescriptor> todo, Set<MigrationVersion> applied, MigrationLock lock)
            throws SQLException {
        List<Attempt> open = openAttempts(todo.stream().filter(m -> !m.transactional() && !applied.contains(m.version())).toList());
        if (open.isEmpty()) {
            return null;
        }
        Set<String> resumable = new DataTables(session.support(), session.settings().historyTable())
                .runs(session.connection()).keySet();
        return open.stream().filter(a -> !resumable.contains(a.migration().version().toString()) || stillRunning(a.entry(), lock))
                .findFirst().orElse(null);
    }

    /** The open attempts of {@code among}, in their order. One query. */
    List<Attempt> openAttempts(Collection<MigrationDescriptor> among) throws SQLException {
        Map<MigrationVersion, LogEntry> open = session.history().openAttempts(session.connection());
        return among.stream().filter(m -> open.containsKey(m.version())).map(m -> new Attempt(m, open.get(m.version()))).toList();
    }

    /**
     * Whether the attempt's run is still going in another command, which must be waited for and
     * must not be cleared. Its database session tells, where the database names sessions: a run
     * may have lost its lock (an administrator ended the lock's connection) and still be going.
     * Without a session, under a lock held for the whole command it has ended (its run held that
     * lock); otherwise (SQLite) its process tells.
     */
    boolean stillRunning(LogEntry entry, MigrationLock lock) {
        return outcome(entry, lock) == AttemptOutcome.RUNNING;
    }

    private AttemptOutcome outcome(LogEntry entry, MigrationLock lock) {
        return AttemptOutcome.of(entry, lock.heldForWholeCommand(), session.sessionCheck());
    }

    /**
     * Refuses, for {@code doing} (repair, baseline), to clear the marker of a run that is still
     * going. A marker of another host cannot be judged; a person running repair has looked, so it
     * is cleared.
     */
    void refuseToClearRunning(String doing, List<Attempt> attempts, MigrationLock lock) {
        for (Attempt open : attempts) {
            if (stillRunning(open.entry(), lock)) {
                throw new MigrationException(ErrorCode.INTERRUPTED, "Cannot " + doing + ": migration "
                        + open.migration().displayName() + " is being run right now (its " + open.entry().detail()
                        + ", started " + open.entry().loggedOn() + ", is still going"
                        + AttemptOutcome.pidOnlyCaveat(open.entry()) + "). Wait for it to finish, then look at status again."
                        + " Nothing was changed.");
            }
        }
    }

    /** The refusal to run past an open attempt, which may have left the migration half applied. */
    private MigrationException interrupted(Attempt open, MigrationLock lock) {
        LogEntry entry = open.entry();
        MigrationDescriptor m = open.migration();
        return new MigrationException(ErrorCode.INTERRUPTED, "Migration " + m.displayName() + " is non-transactional"
                + " (transactional = false) and its last run, started " + entry.loggedOn() + ", "
                + outcome(entry, lock).whatHappened(entry)
                + ". Part of it may be applied, so Cairn will not run it again by itself. Check "
                + session.database() + ", undo or complete its changes by hand, then run repair to clear this state,"
                + " and migrate again (it will run migration " + m.version() + " again). Nothing was changed.");
    }

    /** The refusal after waiting too long for another process's run. */
    private MigrationException timedOut(Attempt open) {
        LogEntry entry = open.entry();
        return new MigrationException(ErrorCode.LOCK_TIMEOUT, "Timed out after "
                + session.settings().lockTimeout().toSeconds() + " s waiting for migration "
                + open.migration().displayName() + ", which another process is running (" + entry.detail()
                + ", since " + entry.loggedOn() + AttemptOutcome.pidOnlyCaveat(entry)
                + "). Wait for it and retry, or raise lockTimeout.");
    }
}
