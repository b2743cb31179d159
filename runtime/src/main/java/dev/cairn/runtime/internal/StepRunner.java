package dev.cairn.runtime.internal;

import dev.cairn.runtime.internal.report.Events;
import dev.cairn.runtime.internal.report.ExecutedData;
import dev.cairn.runtime.internal.report.ExecutedStep;
import dev.cairn.MigrationVersion;
import dev.cairn.runtime.Command;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.data.DataMigration;
import dev.cairn.runtime.internal.conditions.Conditions;
import dev.cairn.runtime.internal.data.DataEnvironment;
import dev.cairn.runtime.internal.data.DataOutcome;
import dev.cairn.runtime.internal.data.DataRun;
import dev.cairn.runtime.internal.data.DataStepException;
import dev.cairn.runtime.internal.data.DataTables;
import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationEvent;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.spi.ForeignKeyGuard;
import dev.cairn.runtime.internal.history.AppliedMigration;
import dev.cairn.runtime.internal.Failures.Mode;
import dev.cairn.runtime.spi.MigrationLock;
import dev.cairn.runtime.spi.Restorer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Applies or rolls back migrations one at a time under the lock, after the command's first
 * transaction: each in its own transaction with its history row, or for non-transactional ones,
 * behind a "running" marker in the log. A step that another process already did is skipped; one
 * that no longer fits what another process did stops the command.
 */
final class StepRunner {

    private final Session session;
    private final LockedHistory locked;
    private final MigrationLock lock;
    private final StepRecords records;
    private final RunningMarkers markers;
    private final ConcurrentChanges changes;
    private final Recheck recheck;
    private final Listeners listeners;
    private final Command command;
    private final List<String> done = new ArrayList<>();

    /** The command's checks of the applied set, made again before a step when another process changed the set. */
    @FunctionalInterface
    interface Recheck {
        void check(MigrationDescriptor next, Map<MigrationVersion, AppliedMigration> applied);
    }

    StepRunner(Session session, LockedHistory locked, Plan plan, Listeners listeners, Command command, Recheck recheck) {
        this.session = session;
        this.recheck = recheck;
        this.listeners = listeners;
        this.command = command;
        this.locked = locked;
        this.lock = locked.lock();
        this.records = new StepRecords(session, locked);
        this.markers = new RunningMarkers(session);
        this.changes = new ConcurrentChanges(plan, session.database());
    }

    /** Applies {@code m}; returns {@code null} if another process applied it meanwhile. */
    ExecutedMigration apply(MigrationDescriptor m, boolean outOfOrder) throws SQLException {
        return run(m, Mode.APPLY, outOfOrder);
    }

    /** Rolls {@code m} back; returns {@code null} if another process rolled it back meanwhile. */
    ExecutedMigration rollBack(MigrationDescriptor m) throws SQLException {
        return run(m, Mode.ROLLBACK, false);
    }

    /**
     * Runs one step between the listeners' calls, which come before its transaction begins and
     * after it ended.
     */
    private ExecutedMigration run(MigrationDescriptor m, Mode mode, boolean outOfOrder) throws SQLException {
        MigrationEvent event = new Events.Migration(command, m, session.database());
        listeners.beforeMigration(event);
        ExecutedMigration step;
        try {
            JavaMigration instance = m.newStep();
            step = instance instanceof DataMigration ? dataStep(m, mode, outOfOrder, event, instance)
                    : m.transactional()
                    ? RerunWithoutForeignKeys.retrying(session, foreignKeys -> inTransaction(m, mode, outOfOrder, foreignKeys, event))
                    : outsideTransaction(m, mode, event);
        } catch (MigrationException e) {
            listeners.onFailure(event, e);
            throw e;
        }
        if (step != null) {
            done.add(m.version().toString());
            listeners.afterMigration(event, step);
        }
        return step;
    }

    /** Begins the transaction of a step; {@code false}, with the transaction ended, if it has nothing to do. */
    private boolean beginStep(MigrationDescriptor m, Mode mode) throws SQLException {
        try {
            locked.beginAgain();
            markers.checkNotInterrupted(List.of(m), locked);
            if (locked.rereadSinceLastAsked()) {
                try {
                    recheck.check(m, locked.applied());
                } catch (MigrationException refusal) {
                    throw changes.refusedAfterChange(refusal, m, mode, done);
                }
            }
            if (locked.applied().containsKey(m.version()) == (mode == Mode.APPLY)) {
                lock.rollback();
                return false;
            }
            changes.checkStillFits(m, mode, locked.applied().keySet(), done);
            return true;
        } catch (SQLException | RuntimeException e) {
            lock.rollbackAfter(e);
            throw e;
        }
    }

    private ExecutedMigration inTransaction(MigrationDescriptor m, Mode mode, boolean outOfOrder, ForeignKeyGuard foreignKeys,
            MigrationEvent event) throws SQLException {
        if (!beginStep(m, mode)) {
            return null;
        }
        RecordingContext ctx = new RecordingContext(session.connection(), session.support(), m, false, listeners, event);
        long start = System.nanoTime();
        long millis;
        AppliedMigration row;
        boolean held;
        try {
            session.support().beginMigration(session.connection(), m.version().toString(),
                    mode == Mode.APPLY ? "applying" : "rolling back", session.settings().statementLockTimeout());
            foreignKeys.start();
            invoke(m, mode, ctx);
            if (ctx.foreignKeysOffRequested()) {
                throw new RerunWithoutForeignKeys();
            }
            foreignKeys.check();
            millis = millisSince(start);
            StepRecords.Recorded recorded = records.record(m, mode, millis, locked.applied().get(m.version()));
            row = recorded.row();
            held = recorded.lockHeld();
        } catch (Exception | Error e) {
            // A JVM error of the migration's own making (an assertion, a failed static initializer, a
            // stack overflow, no memory) still gets its FAIL row and releases the lock.
            lock.rollbackAfter(e);
            // Starts over with foreign keys off, even if up() caught the signal.
            throw ctx.foreignKeysOffRequested() ? new RerunWithoutForeignKeys() : records.failed(m, mode, ctx, e,
                    millisSince(start), FailureCause.inContext(e, session.support(), locked.applied().isEmpty()));
        }
        if (!held) {
            MigrationException lost = Failures.lockLost(m, mode, session.database());
            lock.rollbackAfter(lost);
            throw lost;
        }
        commit(m, mode, ctx, millis);
        locked.changed(m.version(), row);
        return executed(m, millis, outOfOrder, ctx, foreignKeys.switchedOff());
    }

    /**
     * Commits a step's transaction. A constraint checked at commit (DEFERRABLE INITIALLY
     * DEFERRED) fails the migration like any other statement; a connection lost during the
     * commit leaves its outcome unknown, which only the database can tell afterwards.
     */
    private void commit(MigrationDescriptor m, Mode mode, RecordingContext ctx, long millis) {
        try {
            lock.commit();
        } catch (SQLException e) {
            if (SqlErrors.connectionLost(session.connection(), e)) {
                MigrationException unknown = Failures.commitOutcomeUnknown(m, mode, e, session.database());
                lock.rollbackAfter(unknown);
                throw unknown;
            }
            lock.rollbackAfter(e);
            throw records.failed(m, mode, ctx, e, millis);
        } catch (RuntimeException e) {
            lock.rollbackAfter(e);
            throw records.failed(m, mode, ctx, e, millis);
        }
    }

    @SuppressWarnings("try") // the command's lock-wait bound is held for its close, which restores it after the step
    private ExecutedMigration outsideTransaction(MigrationDescriptor m, Mode mode, MigrationEvent event) throws SQLException {
        if (!beginStep(m, mode)) {
            return null;
        }
        RecordingContext ctx = new RecordingContext(session.connection(), session.support(), m, false, listeners, event);
        try (Owner owner = new Owner(session.sessionName())) {
            records.openMarker(m, mode, owner, locked.applied().get(m.version()));
            if (mode == Mode.ROLLBACK) {
                locked.changed(m.version(), null);
            }
            long start = System.nanoTime();
            try (Restorer commandBound = session.support().limitLockWaits(session.connection(),
                    session.settings().statementLockTimeout(), false)) {
                invoke(m, mode, ctx);
            } catch (Exception | Error e) {
                throw records.failed(m, mode, ctx, e, millisSince(start));
            }
            long millis = millisSince(start);
            if (!lock.stillHeld()) {
                // Another instance may have taken the lock and judged this run by its session: recording it now could
                // contradict what that instance did. The marker stays open for a person to look at.
                throw Failures.lockLostAfterRun(m, mode, session.database());
            }
            try {
                locked.beginAgain();
                // Another process may have committed while this step ran outside any transaction.
                changes.checkStillFits(m, mode, locked.applied().keySet(), done);
                AppliedMigration row = records.closeMarker(m, mode, millis);
                lock.commit();
                locked.changed(m.version(), row);
            } catch (SQLException | RuntimeException e) {
                lock.rollbackAfter(e);
                throw records.unrecorded(m, mode, ctx, e, millis);
            }
            return executed(m, millis, false, ctx, false);
        }
    }

    /**
     * Runs a data migration: behind a "running" marker, like a non-transactional step, but batch by
     * batch, each batch committed with its checkpoint, so that a run that stopped (a crash, a kill,
     * a failure, its timeout) resumes after its last committed batch at the next command instead of
     * asking for repair. Its timeout is the run's own: past it, the batch under way rolls back.
     */
    @SuppressWarnings("try") // The command's bound on lock waits holds while the step runs; nothing reads it.
    private ExecutedMigration dataStep(MigrationDescriptor m, Mode mode, boolean outOfOrder, MigrationEvent event,
            JavaMigration step) throws SQLException {
        if (!beginStep(m, mode)) {
            return null;
        }
        DataTables tables = new DataTables(session.support(), session.settings().historyTable());
        try {
            // A stopped run resumes only under the code that paged its committed batches.
            tables.checkResumable(session.connection(), m, mode == Mode.ROLLBACK);
        } catch (SQLException | RuntimeException e) {
            lock.rollbackAfter(e);
            throw e;
        }
        RecordingContext ctx = new RecordingContext(session.connection(), session.support(), m, false, listeners, event);
        // Conditions are up()'s: down() has none of its own (see JavaMigration#preconditions).
        boolean checked = mode == Mode.APPLY;
        try (Owner owner = new Owner(session.sessionName())) {
            AtomicBoolean started = new AtomicBoolean();
            // The marker opens once up() or down() has described its batches, so that a description Cairn refuses
            // (no key, say) leaves nothing behind; it commits the transaction beginStep opened.
            DataRun run = new DataRun(new DataEnvironment(session.connection(), session.support(), tables, m,
                    mode == Mode.ROLLBACK, session.settings().connections()::open, session.settings().lockTimeout(),
                    session.settings().statementLockTimeout(), session.settings().migrationTimeout(), ctx::guard, ctx::reportProgress, () -> {
                        records.openDataMarker(m, mode, owner, tables);
                        started.set(true);
                    }, () -> {
                        if (checked) {
                            Conditions.preconditions(step, ctx);
                        }
                    }, () -> {
                        if (checked) {
                            Conditions.postconditions(step, ctx);
                        }
                    }));
            ctx.dataHost(run.withBatchSize(session.settings().dataBatchSize()));
            long start = System.nanoTime();
            try (Restorer commandBound = session.support().limitLockWaits(session.connection(),
                    session.settings().statementLockTimeout(), false)) {
                ctx.run(step, mode);
            } catch (Exception | Error e) {
                if (!started.get()) {
                    // Refused before its marker: the transaction beginStep opened is still open.
                    lock.rollbackAfter(e);
                }
                throw e instanceof DataStepException data ? records.failedData(m, data, millisSince(start))
                        : records.failed(m, mode, ctx, e, millisSince(start));
            }
            long millis = millisSince(start);
            if (!lock.stillHeld()) {
                throw Failures.lockLostAfterRun(m, mode, session.database());
            }
            try {
                locked.beginAgain();
                if (locked.applied().containsKey(m.version()) == (mode == Mode.APPLY)) {
                    // Another process (SQLite) shared the batches and recorded the migration first.
                    lock.rollback();
                    return null;
                }
                changes.checkStillFits(m, mode, locked.applied().keySet(), done);
                AppliedMigration row = records.closeDataMarker(m, mode, millis, locked.applied().get(m.version()), tables);
                lock.commit();
                locked.changed(m.version(), row);
            } catch (SQLException | RuntimeException e) {
                lock.rollbackAfter(e);
                throw records.unrecorded(m, mode, ctx, e, millis);
            }
            DataOutcome outcome = run.outcome();
            return new ExecutedData(m.version(), m.description(), m.className(), Duration.ofMillis(millis), outOfOrder,
                    ctx.statements(), ctx.statementCount(), outcome);
        }
    }

    /** Runs the step's up() or down(), cancelled past the migration timeout if one is set. */
    private void invoke(MigrationDescriptor m, Mode mode, RecordingContext ctx) throws Exception {
        Duration timeout = session.settings().migrationTimeout();
        if (timeout.isZero()) {
            call(m, mode, ctx);
            return;
        }
        try (Watchdog watchdog = Watchdog.watch(timeout,
                session.support().canceller(session.connection(), session.settings().connections()::open))) {
            try {
                call(m, mode, ctx);
            } catch (Exception | Error e) {
                if (watchdog.fired()) {
                    throw new TimedOut(timeout, e);
                }
                throw e;
            }
            if (watchdog.fired()) {
                // It caught the cancellation, or finished just as the alarm went off: past its time either way.
                throw new TimedOut(timeout, null);
            }
        }
    }

    private static void call(MigrationDescriptor m, Mode mode, RecordingContext ctx) throws Exception {
        ctx.run(m.newStep(), mode);
    }

    private static ExecutedMigration executed(MigrationDescriptor m, long millis, boolean outOfOrder, RecordingContext ctx,
            boolean foreignKeysOff) {
        return new ExecutedStep(m.version(), m.description(), m.className(), Duration.ofMillis(millis), outOfOrder,
                ctx.statements(), ctx.statementCount(), foreignKeysOff);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
