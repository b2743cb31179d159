package dev.cairn.runtime.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.BaselineReport;
import dev.cairn.runtime.LogAction;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.RepairReport;
import dev.cairn.runtime.history.AppliedMigration;
import dev.cairn.runtime.history.HistoryStore;
import dev.cairn.runtime.internal.RunningMarkers.Attempt;
import dev.cairn.runtime.lock.MigrationLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code baseline} and {@code repair}: change Cairn's tables only, never the schema, each in one
 * transaction under the lock, with a log row for every change. Neither clears the marker of a
 * non-transactional migration that another process is still running.
 */
final class Maintenance {

    private final Settings settings;
    private final Plan plan;

    Maintenance(Settings settings, Plan plan) {
        this.settings = settings;
        this.plan = plan;
    }

    BaselineReport baseline(MigrationVersion version) {
        plan.require(version);
        return inOneTransaction("baseline", (session, lock, applied) -> {
            new AppliedChecks(settings, plan, session.database()).checkKnown(applied);
            List<MigrationDescriptor> toMark = plan.pending(applied.keySet(), version);
            RunningMarkers markers = new RunningMarkers(session);
            markers.refuseToClearRunning("baseline", markers.openAttempts(toMark), lock);
            List<MigrationVersion> marked = new ArrayList<>();
            Instant now = HistoryStore.now();
            for (MigrationDescriptor m : toMark) {
                session.history().insertApplied(session.connection(), m, now, settings.installedBy(), 0);
                session.history().log(session.connection(), m, LogAction.BASELINE, now, settings.installedBy(), 0,
                        "baseline at " + version);
                marked.add(m.version());
            }
            return new BaselineReport(session.database(), version, marked);
        });
    }

    RepairReport repair() {
        return inOneTransaction("repair", (session, lock, applied) -> {
            RunningMarkers markers = new RunningMarkers(session);
            List<Attempt> open = markers.openAttempts(plan.all());
            markers.refuseToClearRunning("repair", open, lock);
            HistoryStore history = session.history();
            Connection connection = session.connection();
            Instant now = HistoryStore.now();
            List<MigrationVersion> accepted = new ArrayList<>();
            for (MigrationDescriptor m : AppliedChecks.changed(plan, applied)) {
                AppliedMigration a = applied.get(m.version());
                history.updateChecksum(connection, a, m.checksum());
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
            return new RepairReport(session.database(), accepted, cleared);
        });
    }

    /** Work on Cairn's tables inside one locked transaction. */
    private interface TableWork<T> {
        T run(Session session, MigrationLock lock, Map<MigrationVersion, AppliedMigration> applied) throws SQLException;
    }

    private <T> T inOneTransaction(String doing, TableWork<T> work) {
        try (Session session = Session.open(settings)) {
            return session.run(doing, () -> {
                try (MigrationLock lock = session.lock()) {
                    LockedHistory locked = new LockedHistory(session, lock);
                    return locked.firstTransaction(applied -> {
                        locked.ensureTables();
                        return work.run(session, lock, applied);
                    });
                }
            });
        }
    }
}
