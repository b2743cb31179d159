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
import java.util.concurrent.TimeUnit;

/**
 * Runs one sample in a fresh JVM and reads its one result line. Every child gets the same JVM
 * options: the JDK's defaults, plus java.util.logging switched off (Cairn's System.Logger,
 * Liquibase and Flyway all log through it here, since no other logging library is on a child's
 * class path). A child that fails, prints anything else, or writes to stderr fails the bench:
 * a tool that did not do its work, or did more, must not become a figure. Each child's wall time
 * goes to {@code child-logs/children.log}, to see where a run's time went.
 */
final class Child {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MINUTES = 20;

    private final Path loggingOff;
    private final Path logs;

    Child(Path work) throws IOException {
        this.logs = Files.createDirectories(work.resolve("child-logs"));
        this.loggingOff = work.resolve("logging-off.properties");
        Files.writeString(loggingOff, "handlers=\n.level=OFF\n");
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

    /**
     * Like {@link #run(String, Class, List, List)} with more JVM options: only for what is not
     * timed, such as a class-loading log.
     */
    Result run(String classPath, Class<?> main, List<String> jvmOptions, List<String> properties, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.logging.config.file=" + loggingOff));
        command.addAll(jvmOptions);
        properties.forEach(p -> command.add("-D" + p));
        command.addAll(List.of("-cp", classPath, main.getName()));
        command.addAll(args);
        Path out = Files.createTempFile(logs, main.getSimpleName(), ".out");
        Path err = out.resolveSibling(out.getFileName().toString().replace(".out", ".err"));
        long before = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(describe(command) + " did not end in " + TIMEOUT_MINUTES + " minutes; output in " + out);
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

    private static String describe(List<String> command) {
        return "The child " + String.join(" ", command.subList(command.indexOf("-cp") + 2, command.size()));
    }
}
