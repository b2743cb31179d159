package dev.cairn.runtime.internal.data;

import dev.cairn.runtime.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of a data migration in one direction, for a command that holds the migration lock:
 * plans its key ranges when it starts from the beginning (checks, total, boundaries, in one
 * transaction), then runs its workers until every range is done: the calling thread on the
 * command's connection, further workers on threads and connections of their own. Workers of
 * other instances may take part; the run ends when the data table says every range is done,
 * whoever did it.
 */
public final class DataRun implements DataHost {

    /** How often the calling thread looks at the others' progress, and at ranges other instances hold. */
    private static final long POLL_MILLIS = 200;

    private final DataEnvironment env;
    private final boolean joining;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicLong batchNumbers = new AtomicLong();
    private final AtomicBoolean postconditionsChecked = new AtomicBoolean();
    private BatchPlan plan;
    private DataDialect dialect;
    private PageReader reader;
    private BatchProcessor processor;
    private Deadline deadline;
    private ProgressMeter meter;

    /** The run of the command that holds the migration lock and records the migration. */
    public DataRun(DataEnvironment env) {
        this(env, false);
    }

    private DataRun(DataEnvironment env, boolean joining) {
        this.env = env;
        this.joining = joining;
    }

    /**
     * A run that helps with the run of another instance, which holds the migration lock: it takes
     * open ranges as long as there are any to take, then leaves; it plans nothing, checks no
     * condition and records nothing, which the holder does.
     */
    public static DataRun joining(DataEnvironment env) {
        return new DataRun(env, true);
    }

    @Override
    public void run(BatchPlan plan) throws Exception {
        this.plan = plan;
        this.dialect = DataDialect.of(env.support().database());
        this.reader = new PageReader(plan);
        this.processor = new BatchProcessor(plan);
        this.deadline = Deadline.after(plan.timeout() != null ? plan.timeout() : env.migrationTimeout());
        try {
            if (!joining) {
                start();
            }
            if (!prepare()) {
                return;
            }
            runWorkers();
            if (joining) {
                return;
            }
            if (!postconditionsChecked.get()) {
                finalCheck();
            }
            meter.finished();
        } catch (BatchProblem problem) {
            throw DataFailures.failed(env.migration(), env.rollback(), problem,
                    meter == null ? 0 : meter.before() + meter.rows(), meter == null ? 0 : meter.batches(), env.tables().dataTable());
        }
    }

    /** What this run did, once {@link #run} returned. */
    public DataOutcome outcome() {
        return new DataOutcome(meter.rows(), meter.quarantined(), meter.batches(), meter.written(), meter.before(),
                Optional.empty(), List.of());
    }

    /**
     * Checks the pre-conditions of a run that has committed no batch yet (not of one that resumes,
     * whose first batches changed what they check), then opens the run's marker: a failed check
     * leaves nothing behind.
     */
    private void start() throws Exception {
        if (!env.tables().committedBatches(env.session(), version(), direction())) {
            check(env.preconditions(), "its pre-conditions, before its first batch");
        }
        env.start().run();
    }

    /**
     * Plans the ranges of a run that starts from the beginning; either way, reads where the ranges
     * stand. {@code false} for a joining run that finds no ranges to take.
     */
    private boolean prepare() throws BatchProblem {
        try {
            dialect.begin(env.session());
            try {
                boolean unplanned = env.tables().needsPlanning(env.session(), version(), direction());
                if (unplanned && joining) {
                    return false;
                }
                if (unplanned) {
                    Long total = plan.total() != null ? plan.total() : count(env.session(), plan, dialect);
                    RangeSplitter splitter = new RangeSplitter(plan, reader.sql());
                    splitter.checkNoNullKeys(env.session());
                    env.tables().plan(env.session(), version(), direction(), env.migration().checksum(),
                            splitter.boundaries(env.session(), total, plan.workers()), total);
                }
                List<RangeRow> ranges = env.tables().ranges(env.session(), version(), direction());
                dialect.commit(env.session());
                long before = ranges.stream().mapToLong(RangeRow::rowsDone).sum();
                long batchesBefore = ranges.stream().mapToLong(RangeRow::batches).sum();
                batchNumbers.set(batchesBefore);
                meter = new ProgressMeter(before, batchesBefore, ranges.isEmpty() ? null : ranges.get(0).total(), env.progress());
                return !ranges.isEmpty();
            } finally {
                dialect.rollback(env.session());
            }
        } catch (SQLException | RuntimeException e) {
            throw new BatchProblem(BatchProblem.Kind.OTHER, "while planning its batches over " + plan.describeSource(), null, e);
        }
    }

    /** The rows to do: given, estimated from the catalog for a large plain table, or counted. */
    static Long count(Connection connection, BatchPlan plan, DataDialect dialect) throws SQLException {
        if (plan.table() != null && plan.where() == null) {
            Optional<Long> estimate = dialect.estimate(connection, plan.table());
            if (estimate.isPresent()) {
                return estimate.get();
            }
        }
        try (PreparedStatement count = connection.prepareStatement(new PagingSql(plan).count()); ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Runs this thread's worker and the others, until every range is done: ranges held by another
     * instance's workers are waited for, and taken over if that instance lets go of them.
     */
    private void runWorkers() throws BatchProblem {
        List<Connection> opened = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<BatchProblem> problems = Collections.synchronizedList(new ArrayList<>());
        DeadlineAlarm alarm = new DeadlineAlarm(deadline);
        try {
            for (int i = 1; i < plan.workers(); i++) {
                Connection connection = open();
                opened.add(connection);
                Worker worker = new Worker(this, connection, env.guard().apply(connection), false);
                Thread thread = new Thread(() -> {
                    try {
                        watch(alarm, connection);
                        worker.work();
                    } catch (BatchProblem | RuntimeException | Error e) {
                        problems.add(e instanceof BatchProblem p ? p : new BatchProblem(BatchProblem.Kind.OTHER,
                                "in a worker thread", null, e));
                        stopping.set(true);
                    }
                }, "cairn-data-" + env.migration().version() + "-" + i);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
            Worker own = new Worker(this, env.session(), env.guard().apply(env.session()), true);
            try {
                watch(alarm, env.session());
                do {
                    own.work();
                    meter.maybeReport();
                } while (!stopping.get() && !threadsEnded(threads) && pause());
                joinAll(threads);
                while (!joining && problems.isEmpty() && !allDone()) {
                    // Another instance holds a range: wait for it, or take it over once it lets go.
                    if (deadline.passed()) {
                        throw BatchProblem.timedOut(deadline, "while another instance held its last ranges", null);
                    }
                    pause();
                    own.work();
                    meter.maybeReport();
                }
            } catch (BatchProblem e) {
                stopping.set(true);
                joinAll(threads);
                problems.add(0, e);
            }
        } finally {
            stopping.set(true);
            joinAll(threads);
            alarm.close();
            opened.forEach(DataRun::closeQuietly);
        }
        if (!problems.isEmpty()) {
            BatchProblem first = problems.get(0);
            problems.subList(1, problems.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    /** Lets the alarm stop the calling thread and the statements of {@code connection} at the deadline. */
    private void watch(DeadlineAlarm alarm, Connection connection) throws BatchProblem {
        try {
            alarm.watch(env.support().canceller(connection, env.connections()));
        } catch (SQLException e) {
            throw new BatchProblem(BatchProblem.Kind.OTHER, "while preparing the cancel of its statements at its timeout",
                    null, e);
        }
    }

    private boolean threadsEnded(List<Thread> threads) {
        return threads.stream().noneMatch(Thread::isAlive);
    }

    private boolean pause() throws BatchProblem {
        try {
            Thread.sleep(POLL_MILLIS);
            meter.maybeReport();
            return true;
        } catch (InterruptedException e) {
            stopping.set(true);
            if (deadline.passed()) {
                throw BatchProblem.timedOut(deadline, "while waiting for its workers", e);
            }
            Thread.currentThread().interrupt();
            throw new BatchProblem(BatchProblem.Kind.OTHER, "while waiting for its workers, interrupted", null, e);
        }
    }

    private void joinAll(List<Thread> threads) {
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join(POLL_MILLIS);
                    if (meter != null) {
                        meter.maybeReport();
                    }
                } catch (InterruptedException e) {
                    // The workers stop at their next batch; wait for them, so that none outlives the run.
                    stopping.set(true);
                }
            }
        }
    }

    private boolean allDone() throws BatchProblem {
        try {
            return env.tables().ranges(env.session(), version(), direction()).stream().allMatch(RangeRow::done);
        } catch (SQLException e) {
            throw new BatchProblem(BatchProblem.Kind.OTHER, "while reading its checkpoints", null, e);
        }
    }

    /**
     * Checks the post-conditions in a transaction of their own, when no batch of the command's
     * connection was the last one (another worker's was): they see every batch committed.
     */
    private void finalCheck() throws BatchProblem {
        try {
            dialect.begin(env.session());
            try {
                postconditions("after its last batch");
                dialect.commit(env.session());
            } finally {
                dialect.rollback(env.session());
            }
        } catch (SQLException e) {
            throw new BatchProblem(BatchProblem.Kind.OTHER, "while checking its post-conditions", null, e);
        }
    }

    /** Runs the post-conditions in the current transaction of the command's connection. */
    void postconditions(String where) throws BatchProblem {
        check(env.postconditions(), "its post-conditions " + where);
        postconditionsChecked.set(true);
    }

    private static void check(DataEnvironment.Check check, String what) throws BatchProblem {
        try {
            check.run();
        } catch (Exception e) {
            throw new BatchProblem(BatchProblem.Kind.CONDITION, "at " + what, null, e);
        }
    }

    private Connection open() throws BatchProblem {
        try {
            Connection connection = env.connections().open();
            try {
                connection.setAutoCommit(true);
                dialect.prepareWorker(connection, env.lockTimeout());
                // As the command's own connection does while the step runs; the bound ends with the connection.
                env.support().limitLockWaits(connection, env.statementLockTimeout(), false);
                return connection;
            } catch (SQLException e) {
                closeQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw new BatchProblem(BatchProblem.Kind.OTHER, "while opening a connection for a parallel worker", null, e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Its work is committed or rolled back by now.
        }
    }

    BatchPlan plan() {
        return plan;
    }

    DataDialect dialect() {
        return dialect;
    }

    PageReader reader() {
        return reader;
    }

    BatchProcessor processor() {
        return processor;
    }

    Deadline deadline() {
        return deadline;
    }

    ProgressMeter meter() {
        return meter;
    }

    DataTables tables() {
        return env.tables();
    }

    Database database() {
        return env.support().database();
    }

    String version() {
        return env.migration().version().toString();
    }

    String direction() {
        return env.direction();
    }

    boolean stopping() {
        return stopping.get();
    }

    long nextBatchNumber() {
        return batchNumbers.incrementAndGet();
    }
}
