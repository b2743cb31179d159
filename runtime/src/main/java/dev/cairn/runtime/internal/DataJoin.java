package dev.cairn.runtime.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.Command;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.data.DataMigration;
import dev.cairn.runtime.internal.Failures.Mode;
import dev.cairn.runtime.internal.data.DataEnvironment;
import dev.cairn.runtime.internal.data.DataRun;
import dev.cairn.runtime.internal.data.DataTables;
import dev.cairn.runtime.internal.report.Events;
import dev.cairn.runtime.spi.LockRequest;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What a migrate does while it waits for the migration lock that another instance holds for its
 * whole command (PostgreSQL): if that instance runs a parallel data migration of the same plan
 * (same version, same checksum), take part as its workers do, claiming open ranges one batch at
 * a time, until none is left to take; then wait on. The holder records the migration; once this
 * instance has the lock, it finds it applied. Every row is still done exactly once: a range is
 * claimed in the transaction that commits its batch and checkpoint. If joining fails (a bad row,
 * say), this instance stops helping and only waits: the holder reports the failure.
 */
final class DataJoin implements LockRequest.WhileWaiting {

    private static final Logger LOG = System.getLogger(Migrator.LOGGER_NAME);

    private final Session session;
    private final Plan plan;
    private final Listeners listeners;
    private boolean stopped;

    DataJoin(Session session, Plan plan, Listeners listeners) {
        this.session = session;
        this.plan = plan;
        this.listeners = listeners;
    }

    @Override
    public Duration work() throws SQLException {
        long start = System.nanoTime();
        if (stopped) {
            return Duration.ZERO;
        }
        DataTables tables = new DataTables(session.support(), session.settings().historyTable());
        for (Map.Entry<String, DataTables.RunState> run : tables.runs(session.connection()).entrySet()) {
            Optional<MigrationDescriptor> m = plan.find(MigrationVersion.parse(run.getKey()));
            if (m.isPresent() && run.getValue().direction().equals("up") && run.getValue().openRanges() > 0
                    && m.get().checksum().equals(run.getValue().checksum())) {
                join(m.get(), tables);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void join(MigrationDescriptor m, DataTables tables) {
        JavaMigration step = m.newStep();
        if (!(step instanceof DataMigration)) {
            return;
        }
        RecordingContext ctx = new RecordingContext(session.connection(), session.support(), m, false, listeners,
                new Events.Migration(Command.MIGRATE, m, session.database()));
        DataEnvironment.Check none = () -> {
        };
        ctx.dataHost(DataRun.joining(new DataEnvironment(session.connection(), session.support(), tables, m, false,
                session.settings().connections()::open, session.settings().lockTimeout(),
                session.settings().statementLockTimeout(), session.settings().migrationTimeout(),
                ctx::guard, progress -> {
                }, none, none, none)).withBatchSize(session.settings().dataBatchSize()));
        try {
            ctx.run(step, Mode.APPLY);
        } catch (Exception | Error e) {
            stopped = true;
            LOG.log(Level.WARNING, () -> "Stopped helping with data migration " + m.displayName() + ", which another instance"
                    + " runs on " + session.database() + ": " + e + ". That instance reports the failure; this one waits for"
                    + " the migration lock, then resumes the migration itself if it is still pending.");
        }
    }
}
