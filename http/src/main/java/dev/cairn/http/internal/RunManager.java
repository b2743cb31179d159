package dev.cairn.http.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.http.CairnHttpServer;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.Migrator;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the server's runs, one at a time, each on the run thread with a migrator of its own (the
 * server's, with the run's {@link RunRecorder} and batch size), and keeps the last
 * {@value #KEPT} runs for polling. A request for a run while one is queued or running is refused
 * with 409 {@code RUN_IN_PROGRESS}: never a second run. (The database's migration lock still
 * keeps other processes out.)
 */
final class RunManager implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CairnHttpServer.LOGGER_NAME);
    static final int KEPT = 50;

    /** What a run does with its migrator; returns the report's summary. */
    @FunctionalInterface
    interface Work {
        String run(Migrator migrator);
    }

    private final Migrator migrator;
    /** Not a daemon: a migration under way finishes (or fails) before the JVM exits, even after close(). */
    private final ThreadPoolExecutor executor;
    private final Deque<Run> runs = new ArrayDeque<>();
    private final String instance = HexFormat.of().toHexDigits((short) new SecureRandom().nextInt());
    private int counter;
    private Run active;

    RunManager(Migrator migrator) {
        this.migrator = migrator;
        this.executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                work -> new Thread(work, "cairn-http-run"));
        // The thread ends when no run needs it, so an idle server that was never closed does not keep the JVM up.
        executor.allowCoreThreadTimeOut(true);
    }

    /** Refuses now, before the request reads the database, if a run is going on. */
    synchronized void checkIdle() {
        if (active != null) {
            throw busy(active);
        }
    }

    /** Starts a run of {@code work}; the answer's run is {@code QUEUED} or already {@code RUNNING}. */
    synchronized Run start(String operation, MigrationVersion target, boolean dryRun, Integer batchSize, List<PlanItem> plan,
            Work work) {
        checkIdle();
        Run run = new Run(nextId(), operation, target, dryRun, batchSize, plan);
        // Loaded here, so that a setting the runtime refuses (a batch size out of range) is the request's 400, not a failed run.
        Migrator.Builder builder = migrator.toBuilder().listener(new RunRecorder(run));
        if (batchSize != null) {
            builder.dataBatchSize(batchSize);
        }
        Migrator variant = builder.load();
        keep(run);
        active = run;
        try {
            executor.execute(() -> execute(run, variant, work));
        } catch (RejectedExecutionException e) {
            runs.remove(run);
            active = null;
            throw new ApiException(503, "SHUTTING_DOWN", "The server is shutting down and starts no run. Nothing was changed.");
        }
        return run;
    }

    /** Records a run that had nothing to do, or only had to show its plan: it ends as it starts. */
    synchronized Run done(String operation, MigrationVersion target, boolean dryRun, List<PlanItem> plan, String summary) {
        checkIdle();
        Run run = keep(new Run(nextId(), operation, target, dryRun, null, plan));
        run.succeeded(summary);
        LOG.log(Level.INFO, () -> "Run " + run.id() + " (" + run.describe() + ") had nothing to run: " + firstLine(summary));
        return run;
    }

    /** The runs kept, newest first. */
    synchronized List<Run> runs() {
        return List.copyOf(runs);
    }

    synchronized Optional<Run> find(String id) {
        return runs.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    synchronized Optional<Run> active() {
        return Optional.ofNullable(active);
    }

    /** Lets a run under way go on to its end, on its own thread, and starts no other. */
    @Override
    public void close() {
        executor.shutdown();
    }

    /** After {@link #close()}: waits up to {@code timeout} for a run under way to end; whether none is left. */
    boolean awaitRuns(Duration timeout) {
        try {
            return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void execute(Run run, Migrator variant, Work work) {
        run.running();
        LOG.log(Level.INFO, () -> "Run " + run.id() + " (" + run.describe() + ") started on " + migrator.configuration().database()
                + ": " + (run.plan().isEmpty() ? "nothing planned" : "plan " + String.join(", ",
                        run.plan().stream().map(item -> item.migration().version().toString()).toList())));
        String summary = null;
        Throwable failure = null;
        try {
            summary = work.run(variant);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        // Even after an Error the run ends and frees the server: else every later write would get 409 until a restart.
        finish(run, summary, failure);
        if (failure instanceof Error error) {
            throw error;
        }
    }

    /** Ends the run and frees the server for the next in one step, so that a client who sees it ended may start another. */
    private synchronized void finish(Run run, String summary, Throwable failure) {
        String code = failure == null ? null : failure instanceof MigrationException error ? error.code().name() : "INTERNAL_ERROR";
        if (failure == null) {
            run.succeeded(summary);
        } else if (failure instanceof MigrationException) {
            run.failed(code, failure.getMessage());
        } else {
            LOG.log(Level.ERROR, "Run " + run.id() + " (" + run.describe() + ") failed in the server", failure);
            run.failed(code, "The run failed in the server (" + failure.getClass().getName() + ": " + failure.getMessage()
                    + "); see the server's log, and check the database with GET /migrations/status.");
        }
        active = null;
        long millis = Duration.between(run.startedAt(), Instant.now()).toMillis();
        LOG.log(Level.INFO, () -> "Run " + run.id() + " (" + run.describe() + ") " + (failure == null
                ? "succeeded in " + millis + " ms: " + firstLine(summary)
                : "failed in " + millis + " ms: " + code + ": " + firstLine(failure.getMessage())));
    }

    private Run keep(Run run) {
        runs.addFirst(run);
        while (runs.size() > KEPT) {
            runs.removeLast();
        }
        return run;
    }

    /** {@code r-5f3a-1}: numbered in this server, and marked with it, so that a client polling across a restart finds no other run. */
    private String nextId() {
        return "r-" + instance + "-" + ++counter;
    }

    private static ApiException busy(Run run) {
        return new ApiException(409, "RUN_IN_PROGRESS", "Run " + run.id() + " (" + run.request() + ") is running since "
                + run.startedAt() + "; poll " + run.path() + " and try again when it ended.");
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
