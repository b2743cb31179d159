package dev.cairn.runtime.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link ChildMigrator} in separate JVMs on this test run's class path. */
public final class Children {

    private Children() {
    }

    /** Starts a JVM running {@link ChildMigrator} with {@code args}; its output goes to {@code log}. */
    public static Process start(Path log, String... args) throws IOException {
        return start(log, List.of("-XX:TieredStopAtLevel=1"), args);
    }

    /** Like {@link #start(Path, String...)}, with the JVM options given, such as {@code -Xmx64m}. */
    public static Process start(Path log, List<String> jvmOptions, String... args) throws IOException {
        return start(log, jvmOptions, ChildMigrator.class, args);
    }

    /** Starts a JVM running {@code main} with the JVM options and arguments given. */
    public static Process start(Path log, List<String> jvmOptions, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
                main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits for a file that a child creates, failing with the child's output if it does not come. */
    public static void awaitFile(Path file, Process child, Path log) throws Exception {
        Waits.await(file + " from a child, whose output so far is in " + log, Waits.DEADLINE, () -> {
            if (!child.isAlive()) {
                throw new AssertionError("the child ended without creating " + file + ":\n" + Files.readString(log));
            }
            return Files.exists(file);
        });
    }

    /** Waits for a child to end and returns its output, failing if it does not end in time. */
    public static String awaitExit(Process child, Path log, Duration timeout) throws Exception {
        if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("child did not finish in " + timeout + ":\n" + Files.readString(log));
        }
        return Files.readString(log);
    }
}
