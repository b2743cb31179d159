package dev.cairn.runtime.internal;

import dev.cairn.runtime.LogAction;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.internal.data.DataStepException;
import dev.cairn.runtime.internal.data.DataTables;
import dev.cairn.runtime.internal.history.AppliedMigration;
import dev.cairn.runtime.internal.history.HistoryStore;
import dev.cairn.runtime.internal.Failures.Mode;
import dev.cairn.runtime.spi.MigrationLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * What the history and the log say about each step: its history row and log row, the
 * "running" marker around a non-transactional step, and the FAIL row of a failed one.
 */
final class StepRecords {

    private final Session session;
    private final LockedHistory locked;
    private final MigrationLock lock;
    private final Connection connection;
    private final HistoryStore history;

    StepRecords(Session session, LockedHistory locked) {
        this.session = session;
        this.locked = locked;
        this.lock = locked.lock();
        this.connection = session.connection();
        this.history = session.history();
    }

    /**
     * What {@link #record} did.
     *
     * @param row the new history row of an applied migration; {@code null} after a rollback
     * @param lockHeld whether the lock was still held as the step was recorded; if not, the caller
     *     rolls the transaction back
     */
    record Recorded(AppliedMigration row, boolean lockHeld) {
    }

    /**
     * Records a transactional step in its transaction, and checks that the lock is still held,
     * which the commit that follows relies on: in the recording statement itself where the
     * database records a step in one (PostgreSQL: one round trip instead of three), else by
     * asking the lock.
     *
     * @param current the history row of a migration being rolled back
     */
    Recorded record(MigrationDescriptor m, Mode mode, long millis, AppliedMigration current) throws SQLException {
        Instant now = HistoryStore.now();
        locked.clearFingerprint();
        Optional<String> whileHeld = history.recordsStepInOneStatement() ? lock.heldCondition() : Optional.empty();
        boolean written = history.recordStep(connection, m, current, mode == Mode.APPLY ? LogAction.APPLY : LogAction.ROLLBACK,
                now, installedBy(), millis, whileHeld);
        boolean held = whileHeld.isPresent() ? written : lock.stillHeld();
        return new Recorded(mode == Mode.APPLY ? HistoryStore.appliedRow(m, now, installedBy(), millis) : null, held);
    }

    /**
     * Commits the "running" marker of a non-transactional step, in the transaction begun for it.
     * A rollback is unrecorded first: if it is interrupted, the migration shows as pending behind
     * an open marker, which stops every later migrate until a person looks.
     */
    void openMarker(MigrationDescriptor m, Mode mode, Owner owner, AppliedMigration current) throws SQLException {
        try {
            if (mode == Mode.ROLLBACK) {
                locked.clearFingerprint();
                history.deleteApplied(connection, current);
            }
            history.log(connection, m, LogAction.RUNNING, HistoryStore.now(), installedBy(), 0,
                    (mode == Mode.APPLY ? "up() run " : "down() run ") + owner.marker());
            lock.commit();
        } catch (SQLException | RuntimeException e) {
            lock.rollbackAfter(e);
            throw e;
        }
    }

    /**
     * Closes the marker of a non-transactional step that ran, in the caller's transaction.
     *
     * @return the new history row of an applied migration; {@code null} after a rollback
     */
    AppliedMigration closeMarker(MigrationDescriptor m, Mode mode, long millis) throws SQLException {
        Instant now = HistoryStore.now();
        locked.clearFingerprint();
        AppliedMigration row = mode == Mode.APPLY ? history.insertApplied(connection, m, now, installedBy(), millis) : null;
        history.log(connection, m, mode == Mode.APPLY ? LogAction.APPLY : LogAction.ROLLBACK, now, installedBy(), millis, "");
        return row;
    }

    /**
     * Commits the "running" marker of a data migration's run, with its reservation in the data
     * table, in the transaction begun for it. Unlike other non-transactional steps, a rollback keeps
     * its history row until its last batch is done: an interrupted one resumes at the next rollback.
     */
    void openDataMarker(MigrationDescriptor m, Mode mode, Owner owner, DataTables tables) throws SQLException {
        try {
            locked.clearFingerprint();
            tables.reserve(connection, m.version().toString(), mode == Mode.APPLY ? "up" : "down", m.checksum());
            history.log(connection, m, LogAction.RUNNING, HistoryStore.now(), installedBy(), 0,
                    (mode == Mode.APPLY ? "batches up() run " : "batches down() run ") + owner.marker());
            lock.commit();
        } catch (SQLException | RuntimeException e) {
            lock.rollbackAfter(e);
            throw e;
        }
    }

    /**
     * Records a data migration whose every batch is done, in the caller's transaction, and deletes
     * its checkpoints.
     *
     * @param current the history row of a migration being rolled back
     * @return the new history row of an applied migration; {@code null} after a rollback
     */
    AppliedMigration closeDataMarker(MigrationDescriptor m, Mode mode, long millis, AppliedMigration current, DataTables tables)
            throws SQLException {
        tables.delete(connection, m.version().toString(), mode == Mode.APPLY ? "up" : "down");
        if (mode == Mode.ROLLBACK && current != null) {
            locked.clearFingerprint();
            history.deleteApplied(connection, current);
        }
        return closeMarker(m, mode, millis);
    }

    /** A data migration's failure, whose message is complete, with its FAIL row. */
    MigrationException failedData(MigrationDescriptor m, DataStepException failure, long millis) {
        return withFailRow(failure, m, millis, failure.detail());
    }

    /**
     * The failure of a step whose transaction, if any, was rolled back, after writing its FAIL
     * row in a transaction of its own; or, if the database refuses writes, that error, which
     * says what to do, with no row (it could not be written).
     */
    MigrationException failed(MigrationDescriptor m, Mode mode, RecordingContext ctx, Throwable error, long millis) {
        return failed(m, mode, ctx, error, millis, FailureCause.of(error, session.support()));
    }

    /** {@link #failed(MigrationDescriptor, Mode, RecordingContext, Throwable, long)} of a cause already known. */
    MigrationException failed(MigrationDescriptor m, Mode mode, RecordingContext ctx, Throwable error, long millis,
            FailureCause cause) {
        SQLException readOnly = SqlErrors.find(error);
        if (readOnly != null && session.support().isReadOnly(readOnly)) {
            return session.failure((mode == Mode.APPLY ? "apply migration " : "roll back migration ") + m.displayName(), readOnly);
        }
        return withFailRow(Failures.failed(m, mode, ctx, error, cause), m, millis,
                (mode == Mode.APPLY ? "up: " : "down: ") + Failures.describe(error));
    }

    /** The failure of a non-transactional step that ran to the end but could not be recorded, with its FAIL row. */
    MigrationException unrecorded(MigrationDescriptor m, Mode mode, RecordingContext ctx, Throwable error, long millis) {
        return withFailRow(Failures.unrecorded(m, mode, ctx, error), m, millis,
                (mode == Mode.APPLY ? "up() ran but could not be recorded: " : "down() ran but could not be recorded: ")
                        + Failures.describe(error));
    }

    private MigrationException withFailRow(MigrationException failure, MigrationDescriptor m, long millis, String detail) {
        try {
            // Whether another process committed meanwhile does not matter: the row only appends to
            // the log, and the command ends with this failure, reading the applied set no more.
            lock.begin();
            history.log(connection, m, LogAction.FAIL, HistoryStore.now(), installedBy(), millis, detail);
            lock.commit();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
            lock.rollbackAfter(failure);
        }
        return failure;
    }

    private String installedBy() {
        return session.settings().installedBy();
    }
}
