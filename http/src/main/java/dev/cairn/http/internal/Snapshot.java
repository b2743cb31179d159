package dev.cairn.http.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.LogAction;
import dev.cairn.runtime.LogEntry;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.MigrationGraph;
import dev.cairn.runtime.MigrationStatus;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.StatusReport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The build and the database as one request reads them: the graph, the status, and the log entry
 * each applied migration was applied by (for its duration). Read without a lock, as status is.
 */
final class Snapshot {

    private final MigrationGraph graph;
    private final StatusReport status;
    private final Map<MigrationVersion, LogEntry> appliedBy;

    private Snapshot(MigrationGraph graph, StatusReport status, Map<MigrationVersion, LogEntry> appliedBy) {
        this.graph = graph;
        this.status = status;
        this.appliedBy = appliedBy;
    }

    /** The status, without the log: for what only needs the states. */
    static Snapshot status(Migrator migrator) {
        return new Snapshot(migrator.graph(), statusOf(migrator), Map.of());
    }

    /** The status and the log. */
    static Snapshot withHistory(Migrator migrator) {
        StatusReport status = statusOf(migrator);
        Map<MigrationVersion, LogEntry> appliedBy = new HashMap<>();
        for (LogEntry entry : status instanceof NoDatabaseYet ? List.<LogEntry>of() : migrator.history().entries()) {
            if (entry.action() == LogAction.APPLY || entry.action() == LogAction.BASELINE) {
                appliedBy.put(entry.version(), entry);
            }
        }
        return new Snapshot(migrator.graph(), status, appliedBy);
    }

    private static StatusReport statusOf(Migrator migrator) {
        try {
            return migrator.status();
        } catch (MigrationException e) {
            if (e.code() != ErrorCode.NO_DATABASE) {
                throw e;
            }
            return NoDatabaseYet.of(migrator);
        }
    }

    MigrationGraph graph() {
        return graph;
    }

    StatusReport status() {
        return status;
    }

    /** The versions the history table records: those a migrate skips and a rollback may undo. */
    Set<MigrationVersion> applied() {
        return status.appliedVersions();
    }

    Optional<MigrationStatus> find(MigrationVersion version) {
        return status.migrations().stream().filter(m -> m.version().equals(version)).findFirst();
    }

    /** The last log entry that applied (or baselined) {@code version}, if it is applied. */
    Optional<LogEntry> appliedBy(MigrationStatus migration) {
        return migration.installedOn() == null ? Optional.empty() : Optional.ofNullable(appliedBy.get(migration.version()));
    }
}
