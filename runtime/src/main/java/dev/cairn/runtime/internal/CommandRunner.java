package dev.cairn.runtime.internal;

import dev.cairn.runtime.internal.report.Events;
import dev.cairn.runtime.Command;
import dev.cairn.runtime.CommandEvent;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.Report;
import dev.cairn.runtime.spi.LockRequest;
import dev.cairn.runtime.spi.MigrationLock;
import dev.cairn.runtime.spi.Restorer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * How every command runs, written once: open a session, run, and for a command that writes,
 * take the lock and read the history under it (see the package documentation for the protocol);
 * then close everything and tell the listeners how the command ended.
 */
final class CommandRunner {

    /**
     * The commands that leave the database as it is, and so need it to exist. A dry run is not
     * one: it shows what migrate would do to a new database too.
     */
    private static final Set<Command> CHANGE_NOTHING = EnumSet.of(Command.STATUS, Command.VALIDATE, Command.HISTORY,
            Command.BACKUP, Command.CHECK_CONDITIONS);

    private final Settings settings;
    private final Listeners listeners;

    CommandRunner(Settings settings, Listeners listeners) {
        this.settings = settings;
        this.listeners = listeners;
    }

    Listeners listeners() {
        return listeners;
    }

    /** A command's work on its session. */
    @FunctionalInterface
    interface SessionWork<R> {
        R run(Session session) throws SQLException;
    }

    /** Work under the migration lock, with Cairn's tables as read under it. */
    @FunctionalInterface
    interface LockedWork<T> {
        T run(LockedHistory locked) throws SQLException;
    }

    /**
     * Runs {@code work} on a session of its own; a database error of Cairn's own work becomes a
     * {@link MigrationException} saying what was being done.
     *
     * @param doing what the command does, for error messages: "read the migration status"
     */
    <R extends Report> R run(Command command, String doing, SessionWork<R> work) {
        long start = System.nanoTime();
        String database = settings.database();
        try (Session session = open(command, doing)) {
            database = session.database();
            R report = session.run(doing, () -> work.run(session));
            listeners.afterCommand(new Events.Ended(command, database, since(start), report.summary(), Optional.empty()));
            return report;
        } catch (MigrationException e) {
            listeners.afterCommand(new Events.Ended(command, database, since(start), e.getMessage(), Optional.of(e)));
            throw e;
        }
    }

    /**
     * Opens the command's session; for a command that changes nothing, only on a database that
     * exists, as opening a missing SQLite file would create it (a mistyped path, left behind).
     */
    private Session open(Command command, String doing) {
        if (CHANGE_NOTHING.contains(command)) {
            settings.connections().requireDatabase(doing);
        }
        return Session.open(settings);
    }

    /**
     * Runs {@code work} under the migration lock, released when it returns or throws. Cairn's own
     * statements wait for another session's lock on its tables no longer than the lock timeout.
     */
    static <T> T locked(Session session, LockedWork<T> work) throws SQLException {
        return locked(session, LockRequest.WhileWaiting.NOTHING, work);
    }

    /** {@link #locked(Session, LockedWork)}, doing {@code whileWaiting} between tries while another command holds the lock. */
    @SuppressWarnings("try") // the bound is held for its close, which restores the session's lock waits
    static <T> T locked(Session session, LockRequest.WhileWaiting whileWaiting, LockedWork<T> work) throws SQLException {
        try (MigrationLock lock = session.lock(whileWaiting); Restorer bound = session.limitLockWaits()) {
            return work.run(new LockedHistory(session, lock));
        }
    }

    /**
     * Runs {@code work} of a command that only reads, waiting for another session's lock on Cairn's
     * tables no longer than the lock timeout.
     */
    @SuppressWarnings("try") // the bound is held for its close, which restores the session's lock waits
    static <T> T reading(Session session, SessionWork<T> work) throws SQLException {
        try (Restorer bound = session.limitLockWaits()) {
            return work.run(session);
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
