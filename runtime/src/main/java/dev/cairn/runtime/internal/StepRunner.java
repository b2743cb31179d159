package dev.cairn.runtime.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.LogAction;
import dev.cairn.runtime.LogEntry;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.dialect.ForeignKeyGuard;
import dev.cairn.runtime.history.AppliedMigration;
import dev.cairn.runtime.history.HistoryStore;
import dev.cairn.runtime.internal.Failures.Mode;
import dev.cairn.runtime.lock.MigrationLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies or rolls back migrations one at a time under the lock: each in its own transaction
 * with its history row, or for non-transactional ones, behind a "running" marker in the log.
 * Keeps the applied set current, re-reading it only when another process may have changed it.
 */
final class StepRunner {

    private final Session session;
    private final MigrationLock lock;
    private final Connection connection;
    private final HistoryStore history;
    private Map<MigrationVersion, AppliedMigration> applied;

    StepRunner(Session session, MigrationLock lock) {
        this.session = session;
        this.lock = lock;
        this.connection = session.connection();
        this.history = session.history();
    }

    /**
     * Begins the command's first transaction: creates Cairn's tables if missing and reads the
     * applied set. The caller commits or rolls back.
     */
    Map<MigrationVersion, AppliedMigration> begin() throws SQLException {
        lock.begin();
        history.createIfMissing(connection);
        applied = history.readApplied(connection);
        return applied;
    }

    /** The versions applied as last read. */
    Set<MigrationVersion> appliedVersions() {
        return Set.copyOf(applied.keySet());
    }

    /** Work done in a command's first transaction, given the applied set. */
    @FunctionalInterface
    interface FirstWork<T> {
        T run(Map<MigrationVersion, AppliedMigration> applied) throws SQLException;
    }

    /**
     * Runs {@code work} in the command's first transaction ({@link #begin()}), committing if it
     * returns and rolling back if it throws, so a refusal leaves the database untouched.
     */
    <T> T firstTransaction(FirstWork<T> work) throws SQLException {
        try {
            T result = work.run(begin());
            lock.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            lock.rollback();
            throw e;
        }
    }

    /** Begins a later transaction, re-reading the applied set if another process committed meanwhile. */
    private void beginAgain() throws SQLException {
        if (lock.begin()) {
            applied = history.readApplied(connection);
        }
    }

    /**
     * Refuses if a non-transactional migration of {@code todo} was interrupted or failed and may
     * be half applied. On SQLite, waits instead while the marker's process is still running it.
     * Inside the caller's transaction.
     */
    void checkNotInterrupted(List<MigrationDescriptor> todo) throws SQLException {
        if (todo.stream().allMatch(MigrationDescriptor::transactional)) {
            return;
        }
        long deadline = System.nanoTime() + session.settings().lockTimeout().toNanos();
        Attempt open;
        while ((open = openNonTransactional(todo)) != null) {
            LogEntry entry = open.entry();
            if (entry.action() != LogAction.RUNNING || lock.heldForWholeCommand() || !Owner.isAliveHere(entry.detail())) {
                throw interrupted(open);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new MigrationException(ErrorCode.LOCK_TIMEOUT, "Timed out after "
                        + session.settings().lockTimeout().toSeconds() + " s waiting for migration "
                        + open.migration().displayName() + ", which another process is running (" + entry.detail()
                        + ", since " + entry.loggedOn() + "). Wait for it and retry, or raise lockTimeout.");
            }
            waitOutside();
        }
    }

    /** A migration's last attempt, still open: it failed or is running. */
    private record Attempt(MigrationDescriptor migration, LogEntry entry) {
    }

    /** The open attempt of a pending non-transactional migration of {@code todo}, or {@code null}. */
    private Attempt openNonTransactional(List<MigrationDescriptor> todo) throws SQLException {
        Map<MigrationVersion, LogEntry> open = history.openAttempts(connection);
        return todo.stream().filter(m -> !m.transactional() && !applied.containsKey(m.version()) && open.containsKey(m.version()))
                .map(m -> new Attempt(m, open.get(m.version()))).findFirst().orElse(null);
    }

    private void waitOutside() throws SQLException {
        lock.rollback();
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException(ErrorCode.LOCK_TIMEOUT, "Interrupted while waiting for another process's migration.", e);
        }
        beginAgain();
    }

    private MigrationException interrupted(Attempt open) {
        LogEntry entry = open.entry();
        MigrationDescriptor m = open.migration();
        String what = entry.action() == LogAction.FAIL
                ? "failed (" + entry.detail().lines().findFirst().orElse("") + ")"
                : "never finished: its " + entry.detail() + " ended (the process died, was killed, or lost its connection)";
        return new MigrationException(ErrorCode.INTERRUPTED, "Migration " + m.displayName() + " is non-transactional"
                + " (transactional = false) and its last run, started " + entry.loggedOn() + ", " + what
                + ". Part of it may be applied, so Cairn will not run it again by itself. Check "
                + session.database() + ", undo or complete its changes by hand, then run repair to clear this state,"
                + " and migrate again (it will run migration " + m.version() + " again). Nothing was changed.");
    }

    /** Applies {@code m}; returns {@code null} if another process applied it meanwhile. */
    ExecutedMigration apply(MigrationDescriptor m, boolean outOfOrder) throws SQLException {
        return m.transactional() ? inTransaction(m, Mode.APPLY, outOfOrder) : outsideTransaction(m, Mode.APPLY);
    }

    /** Rolls {@code m} back; returns {@code null} if another process rolled it back meanwhile. */
    ExecutedMigration rollBack(MigrationDescriptor m) throws SQLException {
        return m.transactional() ? inTransaction(m, Mode.ROLLBACK, false) : outsideTransaction(m, Mode.ROLLBACK);
    }

    private boolean alreadyDone(MigrationDescriptor m, Mode mode) {
        return applied.containsKey(m.version()) == (mode == Mode.APPLY);
    }

    private ExecutedMigration inTransaction(MigrationDescriptor m, Mode mode, boolean outOfOrder) throws SQLException {
        RecordingContext ctx = new RecordingContext(connection, session.dialect(), m, false);
        try (ForeignKeyGuard foreignKeys = session.dialect().guardForeignKeys(connection)) {
            beginAgain();
            if (alreadyDone(m, mode)) {
                lock.commit();
                return null;
            }
            long start = System.nanoTime();
            try {
                invoke(m, mode, ctx);
                foreignKeys.check();
            } catch (Exception e) {
                lock.rollback();
                throw logged(m, mode, ctx, e, start);
            }
            long millis = millisSince(start);
            record(m, mode, millis, "");
            lock.commit();
            return new ExecutedMigration(m.version(), m.description(), m.className(), Duration.ofMillis(millis),
                    outOfOrder, ctx.statements());
        }
    }

    private ExecutedMigration outsideTransaction(MigrationDescriptor m, Mode mode) throws SQLException {
        RecordingContext ctx = new RecordingContext(connection, session.dialect(), m, false);
        beginAgain();
        checkNotInterrupted(List.of(m));
        if (alreadyDone(m, mode)) {
            lock.commit();
            return null;
        }
        try (Owner owner = new Owner()) {
            if (mode == Mode.ROLLBACK) {
                // Unrecord it first: if the rollback is interrupted, the migration shows as pending
                // behind an open marker, which stops every later migrate until a person looks.
                history.deleteApplied(connection, applied.remove(m.version()));
            }
            history.log(connection, m, LogAction.RUNNING, HistoryStore.now(), installedBy(), 0,
                    (mode == Mode.APPLY ? "up() run " : "down() run ") + owner.marker());
            lock.commit();
            long start = System.nanoTime();
            try {
                invoke(m, mode, ctx);
            } catch (Exception e) {
                throw logged(m, mode, ctx, e, start);
            }
            long millis = millisSince(start);
            lock.begin();
            if (mode == Mode.APPLY) {
                history.insertApplied(connection, m, HistoryStore.now(), installedBy(), millis);
            }
            history.log(connection, m, mode == Mode.APPLY ? LogAction.APPLY : LogAction.ROLLBACK, HistoryStore.now(),
                    installedBy(), millis, "");
            lock.commit();
            return new ExecutedMigration(m.version(), m.description(), m.className(), Duration.ofMillis(millis), false,
                    ctx.statements());
        }
    }

    private static void invoke(MigrationDescriptor m, Mode mode, RecordingContext ctx) throws Exception {
        if (mode == Mode.APPLY) {
            m.newStep().up(ctx);
        } else {
            m.newStep().down(ctx);
        }
    }

    private void record(MigrationDescriptor m, Mode mode, long millis, String detail) throws SQLException {
        Instant now = HistoryStore.now();
        if (mode == Mode.APPLY) {
            history.insertApplied(connection, m, now, installedBy(), millis);
            history.log(connection, m, LogAction.APPLY, now, installedBy(), millis, detail);
        } else {
            history.deleteApplied(connection, applied.get(m.version()));
            history.log(connection, m, LogAction.ROLLBACK, now, installedBy(), millis, detail);
        }
    }

    /**
     * The failure, after writing its FAIL row in a transaction of its own; or, if the database
     * refuses writes, that error, which says what to do, with no row (it could not be written).
     */
    private MigrationException logged(MigrationDescriptor m, Mode mode, RecordingContext ctx, Exception error, long start) {
        SQLException readOnly = Failures.sqlException(error);
        if (readOnly != null && session.dialect().isReadOnly(readOnly)) {
            return session.failure((mode == Mode.APPLY ? "apply migration " : "roll back migration ") + m.displayName(), readOnly);
        }
        MigrationException failure = Failures.failed(m, mode, ctx, error);
        try {
            lock.begin();
            history.log(connection, m, LogAction.FAIL, HistoryStore.now(), installedBy(), millisSince(start),
                    (mode == Mode.APPLY ? "up: " : "down: ") + Failures.describe(error));
            lock.commit();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
            try {
                lock.rollback();
            } catch (SQLException rollbackError) {
                failure.addSuppressed(rollbackError);
            }
        }
        return failure;
    }

    private String installedBy() {
        return session.settings().installedBy();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
