package dev.cairn.spring;

import dev.cairn.runtime.HistoryReport;
import dev.cairn.runtime.LogEntry;
import dev.cairn.runtime.MigrationStatus;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.StatusReport;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The Actuator endpoint {@code cairn}: where each migration stands and the audit log, read from
 * the database on each request. Read-only: it changes nothing.
 */
@Endpoint(id = "cairn")
public class CairnEndpoint {

    private final Migrator migrator;

    /** Creates the endpoint; the auto-configuration does when Actuator is on the class path. */
    public CairnEndpoint(Migrator migrator) {
        this.migrator = Objects.requireNonNull(migrator, "migrator");
    }

    /** The status of every migration and the audit log. */
    @ReadOperation
    public CairnDescriptor migrations() {
        StatusReport status = migrator.status();
        HistoryReport history = migrator.history();
        return new CairnDescriptor(status.database(), status.isUpToDate(), status.pending().size(),
                status.migrations().stream().map(CairnEndpoint::migration).toList(),
                history.entries().stream().map(CairnEndpoint::logEntry).toList());
    }

    private static Migration migration(MigrationStatus m) {
        return new Migration(m.version().toString(), m.description(), m.state().name(), m.installedOn(),
                m.installedBy(), m.detail());
    }

    private static Log logEntry(LogEntry entry) {
        return new Log(entry.id(), entry.version().toString(), entry.description(), entry.action().name(),
                entry.loggedOn(), entry.loggedBy(), entry.executionMs(), entry.detail());
    }

    /**
     * What the endpoint returns.
     *
     * @param database the database, without credentials
     * @param upToDate whether every migration is applied and nothing needs attention
     * @param pending how many migrations a migrate would apply
     * @param migrations every migration of the build and every version the database knows, in plan order
     * @param history the audit log, oldest first
     */
    public record CairnDescriptor(String database, boolean upToDate, int pending, List<Migration> migrations,
            List<Log> history) {
    }

    /**
     * One migration and where it stands.
     *
     * @param state a {@link dev.cairn.runtime.MigrationState} name, such as {@code APPLIED} or {@code PENDING}
     * @param installedOn when it was applied, or {@code null}
     * @param installedBy who applied it, or {@code null}
     * @param detail more about the state (the last error of a failed migration), or empty
     */
    public record Migration(String version, String description, String state, Instant installedOn,
            String installedBy, String detail) {
    }

    /**
     * One row of the audit log.
     *
     * @param action a {@link dev.cairn.runtime.LogAction} name, such as {@code APPLY} or {@code FAIL}
     */
    public record Log(long id, String version, String description, String action, Instant loggedOn,
            String loggedBy, long executionMs, String detail) {
    }
}
