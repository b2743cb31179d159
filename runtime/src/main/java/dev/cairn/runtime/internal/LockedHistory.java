package dev.cairn.runtime.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.internal.history.AppliedMigration;
import dev.cairn.runtime.internal.history.HistoryStore;
import dev.cairn.runtime.internal.sqlfile.RepeatableStore;
import dev.cairn.runtime.spi.MigrationLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cairn's tables as one command sees them under the migration lock: its transactions, and the
 * applied set, kept current. The command's own commits update it; it is re-read when the lock
 * says another process may have committed since the previous transaction.
 */
final class LockedHistory {

    private final MigrationLock lock;
    private final Connection connection;
    private final HistoryStore history;
    private final RepeatableStore repeatables;
    private Map<MigrationVersion, AppliedMigration> applied;
    private boolean tablesChecked;
    private boolean reread;
    private boolean fingerprintCleared;

    LockedHistory(Session session, MigrationLock lock) {
        this.lock = lock;
        this.connection = session.connection();
        this.history = session.history();
        this.repeatables = RepeatableRunner.store(session);
    }

    MigrationLock lock() {
        return lock;
    }

    /**
     * Begins the command's first transaction and reads the applied set: one query when Cairn's
     * tables exist, the common case; if the history table is missing, creates the tables. The
     * caller commits or rolls back.
     */
    Map<MigrationVersion, AppliedMigration> begin() throws SQLException {
        // Under a lock held for the whole command (PostgreSQL) the read may precede the
        // transaction, and must: there a failed statement (no table yet) aborts the transaction.
        boolean readFirst = lock.heldForWholeCommand();
        Optional<Map<MigrationVersion, AppliedMigration>> read = readFirst ? history.tryReadApplied(connection) : Optional.empty();
        lock.begin();
        if (!readFirst) {
            read = history.tryReadApplied(connection);
        }
        if (read.isEmpty()) {
            ensureTables();
        }
        applied = new HashMap<>(read.orElse(Map.of()));
        return applied();
    }

    /**
     * Creates whichever of Cairn's tables is missing, in the current transaction. Commands call
     * it once they know they will write, so that the up-to-date path reads no catalog.
     */
    void ensureTables() throws SQLException {
        if (!tablesChecked) {
            history.createMissing(connection);
            tablesChecked = true;
        }
    }

    /**
     * Forgets the recorded fingerprint, in the transaction of the first change to the applied set
     * since the set was read: from then on, a start reads the history instead of trusting "up to
     * date". Once per consistent view, as the command's own later changes come after it.
     */
    void clearFingerprint() throws SQLException {
        if (!fingerprintCleared) {
            ensureTables();
            history.clearFingerprint(connection);
            fingerprintCleared = true;
        }
    }

    /**
     * Records the plan's fingerprint, in the current transaction, if the applied set is exactly
     * the plan with unchanged checksums, and every repeatable migration ran with its checksum: the
     * fingerprint covers them too, and a start that finds it skips them (after {@code migrate(target)},
     * {@code baseline} or {@code repair}, a changed one is still to run).
     */
    void recordFingerprintIfUpToDate(Plan plan) throws SQLException {
        if (AppliedChecks.fullyApplied(plan, applied)
                && (plan.repeatables().isEmpty() || RepeatableRunner.changed(plan, repeatables.read(connection)).isEmpty())) {
            ensureTables();
            history.recordFingerprint(connection, plan.computedFingerprint());
            fingerprintCleared = false;
        }
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
            lock.rollbackAfter(e);
            throw e;
        }
    }

    /**
     * Notes that the current transaction was rolled back while the command goes on (waiting for
     * another process): tables it created are gone, and are looked for again.
     */
    void rolledBack() {
        tablesChecked = false;
    }

    /** Begins a later transaction, re-reading the applied set if another process committed meanwhile. */
    void beginAgain() throws SQLException {
        if (lock.begin()) {
            applied = history.readApplied(connection);
            reread = true;
            // Another process may have recorded a fingerprint since this command cleared it.
            fingerprintCleared = false;
        }
    }

    /**
     * Whether the applied set was re-read since the previous call (or since {@link #begin()}):
     * the checks the command made on the set before must then be made again, on what another
     * process wrote.
     */
    boolean rereadSinceLastAsked() {
        boolean was = reread;
        reread = false;
        return was;
    }

    /** The applied migrations as last read or written. */
    Map<MigrationVersion, AppliedMigration> applied() {
        return Collections.unmodifiableMap(applied);
    }

    /** The applied versions as last read or written, a copy. */
    Set<MigrationVersion> appliedVersions() {
        return Set.copyOf(applied.keySet());
    }

    /**
     * Notes this command's own change of {@code version}, which the lock does not report as a
     * change: its new history row, or {@code null} once it is no longer applied.
     */
    void changed(MigrationVersion version, AppliedMigration row) {
        if (row != null) {
            applied.put(version, row);
        } else {
            applied.remove(version);
        }
    }
}
