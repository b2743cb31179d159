package dev.cairn.runtime.internal.data;

import dev.cairn.runtime.Database;
import dev.cairn.runtime.MigrationDescriptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A data migration in a dry run: its first batch only, inside the dry run's transaction, which is
 * rolled back; Cairn's data tables are not touched. Reports the rows it would write and how long
 * the whole run should take, from the batch's time and the number of rows.
 */
public final class DataDryRun implements DataHost {

    private final Connection session;
    private final Database database;
    private final MigrationDescriptor migration;
    private final UnaryOperator<Connection> guard;
    private final Duration migrationTimeout;
    private final DataEnvironment.Check preconditions;
    private DataOutcome outcome;

    public DataDryRun(Connection session, Database database, MigrationDescriptor migration, UnaryOperator<Connection> guard,
            Duration migrationTimeout, DataEnvironment.Check preconditions) {
        this.session = session;
        this.database = database;
        this.migration = migration;
        this.guard = guard;
        this.migrationTimeout = migrationTimeout;
        this.preconditions = preconditions;
    }

    @Override
    public void run(BatchPlan plan) throws DataStepException {
        Deadline deadline = Deadline.after(plan.timeout() != null ? plan.timeout() : migrationTimeout);
        PageReader reader = new PageReader(plan);
        try {
            try {
                preconditions.run();
            } catch (Exception e) {
                throw new BatchProblem(BatchProblem.Kind.CONDITION, "at its pre-conditions", null, e);
            }
            long start = System.nanoTime();
            Page page = reader.read(session, null, null, plan.size(), deadline);
            BatchBuffer buffer = new BatchBuffer(1, database, guard.apply(session), true, deadline);
            List<Quarantined> bad = new BatchProcessor(plan).process(session, page, buffer, deadline);
            long nanos = System.nanoTime() - start;
            Long total = plan.total() != null ? plan.total() : DataRun.count(session, plan, DataDialect.of(database));
            int rows = page.rows().size();
            Optional<Duration> estimated = rows == 0 || total == null ? Optional.empty()
                    : Optional.of(Duration.ofNanos((long) ((double) nanos / rows * total / plan.workers())));
            outcome = new DataOutcome(rows, bad.size(), 1, buffer.queued(), 0, estimated, buffer.statements());
        } catch (BatchProblem problem) {
            throw DataFailures.dryRunFailed(migration, problem);
        } catch (SQLException e) {
            throw DataFailures.dryRunFailed(migration, new BatchProblem(BatchProblem.Kind.OTHER, "in its first batch", null, e));
        }
    }

    /** What the first batch did; {@code null} if the migration was not a data migration. */
    public DataOutcome outcome() {
        return outcome;
    }
}
