package dev.cairn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.bench.child.ChildOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs one sample in a fresh JVM and reads its one result line. Every child gets the same JVM
 * options, a fixed maximum heap ({@link #MAX_HEAP}, or {@link #DATA_HEAP} for the data
 * migration's children) and {@link #JVM_OPTIONS} (so that no figure depends on the machine's RAM
 * through the JDK's default maximum heap, nor on its default collector; the initial heap is the
 * JDK's default, 1/64 of RAM, and RESULTS.md reports what it was), plus java.util.logging switched off (Cairn's
 * System.Logger, Liquibase and Flyway all log through it here, since no other logging library is
 * on a child's class path). A child that fails, prints anything else, or writes to stderr fails the
 * bench: a tool that did not do its work, or did more, must not become a figure. A child whose wait
 * is interrupted, or that is still running when the harness exits (Ctrl-C), is killed with its
 * process tree. Each child's wall time goes to {@code child-logs/children.log}, to see where a
 * run's time went.
 */
final class Child {

    /**
     * The maximum heap of every child but the data migration's: large enough for Flyway and
     * Liquibase at N=5,000 (their RSS reaches about 1.1 GiB).
     */
    static final List<String> MAX_HEAP = List.of("-Xmx2g");

    /** {@link #DATA_HEAP}'s maximum, in MiB. */
    static final int DATA_HEAP_MIB = 256;

    /**
     * The maximum heap of both data migration children, Cairn's and the hand-written JDBC's, every
     * worker count: small and fixed, so that a tool holding the rows in memory fails the run with
     * an OutOfMemoryError (made fatal, so that no error handling can swallow it), and a figure
     * means the rows were moved within it.
     */
    static final List<String> DATA_HEAP = List.of("-Xmx" + DATA_HEAP_MIB + "m", "-XX:+ExitOnOutOfMemoryError");

    /**
     * The other JVM options of every child, timed or not: the initial heap left to the JDK (1/64 of
     * RAM, at most the maximum), the collector named, and class-data sharing as the JDK ships it.
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseG1GC", "-Xshare:auto");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MINUTES = 20;

    private final Path loggingOff;
    private final Path logs;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    Child(Path work) throws IOException {
        this.logs = Files.createDirectories(work.resolve("child-logs"));
        this.loggingOff = work.resolve("logging-off.properties");
        Files.writeString(loggingOff, "handlers=\n.level=OFF\n");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(Child::killTree), "kill bench children"));
    }

    /** What a child reported, with the process's wall time as the harness saw it. */
    record Result(JsonNode report, long wallNs) {

        long elapsedNs() {
            return report.get("elapsedNs").asLong();
        }

        long peakRssKiB() {
            return report.get("peakRssKiB").asLong();
        }
    }

    Result run(String classPath, Class<?> main, List<String> properties, List<String> args) throws IOException, InterruptedException {
        return run(classPath, main, List.of(), properties, args);
    }

    /** Like {@link #run(String, Class, List, List)} with {@link #DATA_HEAP} for {@link #MAX_HEAP}: the data migration's children. */
    Result runInDataHeap(String classPath, Class<?> main, List<String> properties, List<String> args)
            throws IOException, InterruptedException {
        return run(DATA_HEAP, classPath, main, List.of(), properties, args);
    }

    /**
     * Like {@link #run(String, Class, List, List)} with more JVM options: only for what is not
     * timed, such as a class-loading log.
     */
    Result run(String classPath, Class<?> main, List<String> jvmOptions, List<String> properties, List<String> args)
            throws IOException, InterruptedException {
        return run(MAX_HEAP, classPath, main, jvmOptions, properties, args);
    }

    private Result run(List<String> heap, String classPath, Class<?> main, List<String> jvmOptions, List<String> properties,
            List<String> args) throws IOException, InterruptedException {
        List<String> command = command(loggingOff, heap, classPath, main, jvmOptions, properties, args);
        Path out = Files.createTempFile(logs, main.getSimpleName(), ".out");
        Path err = out.resolveSibling(out.getFileName().toString().replace(".out", ".err"));
        long before = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        running.add(process);
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new IllegalStateException(describe(command) + " did not end in " + TIMEOUT_MINUTES + " minutes; output in " + out);
            }
        } finally {
            // Ends it on a timeout, and on an interrupted wait, which would otherwise leave it running.
            killTree(process);
            running.remove(process);
        }
        long wall = System.nanoTime() - before;
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        String errors = Files.readString(err, StandardCharsets.UTF_8);
        if (process.exitValue() != 0 || !errors.isEmpty() || lines.size() != 1 || !lines.get(0).startsWith(ChildOutput.MARKER)) {
            throw new IllegalStateException(describe(command) + " exited with " + process.exitValue()
                    + (errors.isEmpty() ? "" : ", wrote to stderr") + (lines.size() == 1 ? "" : ", printed " + lines.size() + " lines")
                    + ":\n" + String.join("\n", lines) + "\n" + errors);
        }
        Files.delete(out);
        Files.delete(err);
        Files.writeString(logs.resolve("children.log"), String.format(Locale.ROOT, "%8.0f ms  %s%n", wall / 1e6, describe(command)),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new Result(JSON.readTree(lines.get(0).substring(ChildOutput.MARKER.length())), wall);
    }

    /** The child's command line: its heap and {@link #JVM_OPTIONS}, then the logging switch, the extra options, the properties. */
    static List<String> command(Path loggingOff, List<String> heap, String classPath, Class<?> main, List<String> jvmOptions,
            List<String> properties, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(heap);
        command.addAll(JVM_OPTIONS);
        command.add("-Djava.util.logging.config.file=" + loggingOff);
        command.addAll(jvmOptions);
        properties.forEach(p -> command.add("-D" + p));
        command.addAll(List.of("-cp", classPath, main.getName()));
        command.addAll(args);
        return command;
    }

    /** Kills a process and every process it started, if still alive; waits for the process itself. */
    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(List<String> command) {
        return "The child " + String.join(" ", command.subList(command.indexOf("-cp") + 2, command.size()));
    }
}
