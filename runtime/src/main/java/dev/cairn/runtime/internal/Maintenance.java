package dev.cairn.runtime.internal;

import dev.cairn.runtime.internal.report.BaselineResult;
import dev.cairn.runtime.internal.report.RepairResult;
import dev.cairn.MigrationVersion;
import dev.cairn.runtime.BaselineReport;
import dev.cairn.runtime.LogAction;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.RepairReport;
import dev.cairn.runtime.internal.history.AppliedMigration;
import dev.cairn.runtime.internal.history.HistoryStore;
import dev.cairn.runtime.internal.RunningMarkers.Attempt;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code baseline} and {@code repair}: change Cairn's tables only, never the schema, each in one
 * transaction under the lock, with a log row for every change. Neither clears the marker of a
 * non-transactional migration that another process is still running. Both leave the recorded
 * fingerprint true: recorded when the database is up to date, and otherwise cleared.
 */
final class Maintenance {

    private final Settings settings;
    private final Plan plan;

    Maintenance(Settings settings, Plan plan) {
        this.settings = settings;
        this.plan = plan;
    }

    BaselineReport baseline(Session session, MigrationVersion version) throws SQLException {
        return inOneTransaction(session, (locked, applied) -> {
            new AppliedChecks(settings, plan, session.database()).checkKnown(applied);
            List<MigrationDescriptor> toMark = plan.pending(applied.keySet(), version);
            RunningMarkers markers = new RunningMarkers(session);
            markers.refuseToClearRunning("baseline", markers.openAttempts(toMark), locked.lock());
            List<MigrationVersion> marked = new ArrayList<>();
            Instant now = HistoryStore.now();
            for (MigrationDescriptor m : toMark) {
                locked.clearFingerprint();
                locked.changed(m.version(), session.history().insertApplied(session.connection(), m, now,
                        settings.installedBy(), 0));
                session.history().log(session.connection(), m, LogAction.BASELINE, now, settings.installedBy(), 0,
                        "baseline at " + version);
                marked.add(m.version());
            }
            return new BaselineResult(session.database(), version, marked);
        });
    }

    RepairReport repair(Session session) throws SQLException {
        return inOneTransaction(session, (locked, applied) -> {
            RunningMarkers markers = new RunningMarkers(session);
            List<Attempt> open = markers.openAttempts(plan.all());
            markers.refuseToClearRunning("repair", open, locked.lock());
            HistoryStore history = session.history();
            Connection connection = session.connection();
            Instant now = HistoryStore.now();
            List<MigrationVersion> accepted = new ArrayList<>();
            for (MigrationDescriptor m : AppliedChecks.changed(plan, applied)) {
                locked.clearFingerprint();
                AppliedMigration a = applied.get(m.version());
                history.updateChecksum(connection, a, m.checksum());
                locked.changed(m.version(), a.withChecksum(m.checksum()));
                history.log(connection, m, LogAction.REPAIR, now, settings.installedBy(), 0,
                        "accepted checksum " + m.checksum() + " (was " + a.checksum() + ")");
                accepted.add(m.version());
            }
            List<MigrationVersion> cleared = new ArrayList<>();
            for (Attempt attempt : open) {
                history.log(connection, attempt.migration(), LogAction.REPAIR, now, settings.installedBy(), 0,
                        "cleared " + attempt.entry().action() + " of " + attempt.entry().loggedOn());
                cleared.add(attempt.migration().version());
            }
            return new RepairResult(session.database(), accepted, cleared);
        });
    }

    /** Work on Cairn's tables inside one locked transaction. */
    private interface TableWork<T> {
        T run(LockedHistory locked, Map<MigrationVersion, AppliedMigration> applied) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction under the lock, and records the fingerprint if the work
     * brought the database up to date.
     */
    private <T> T inOneTransaction(Session session, TableWork<T> work) throws SQLException {
        return CommandRunner.locked(session, locked -> locked.firstTransaction(applied -> {
            locked.ensureTables();
            T result = work.run(locked, applied);
            if (!AppliedChecks.fullyApplied(plan, locked.applied())) {
                // Someone edited the history by hand after the fingerprint was recorded (deleted a
                // row), and repair or baseline is what they run next: migrate must look again.
                locked.clearFingerprint();
            }
            locked.recordFingerprintIfUpToDate(plan);
            return result;
        }));
    }
}
