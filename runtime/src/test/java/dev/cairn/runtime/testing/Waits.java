package dev.cairn.runtime.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waiting in tests and in the migrations they run, always with a deadline: a wait that cannot
 * end fails with what it was waiting for, instead of hanging the build.
 */
public final class Waits {

    /** How long the test's files and processes get by default: generous, for a loaded CI machine. */
    public static final Duration DEADLINE = Duration.ofSeconds(60);

    private Waits() {
    }

    /** Something awaited; it may throw to fail the wait at once (the process that would do it died). */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@code deadline}. */
    public static void await(String what, Duration deadline, Condition condition) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("Waited " + deadline.toSeconds() + " s in vain for " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Waits until {@code file} exists. */
    public static void awaitFile(Path file) throws Exception {
        await(file + " to exist", DEADLINE, () -> Files.exists(file));
    }

    /** Waits until {@code task} creates {@code file}, failing at once if it ends first. */
    public static void awaitFile(Path file, Future<?> task) throws Exception {
        await(file + " to exist", DEADLINE, () -> {
            if (task.isDone()) {
                throw new AssertionError("the task ended before creating " + file + ": " + outcome(task));
            }
            return Files.exists(file);
        });
    }

    private static String outcome(Future<?> task) throws InterruptedException {
        try {
            return "it returned " + task.get();
        } catch (ExecutionException e) {
            return "it failed with " + e.getCause();
        }
    }
}
