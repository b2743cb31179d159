package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built distribution, {@code target/cairn/bin/cairn}, in a child process as a user does:
 * in a working directory of the test's, with an environment free of the machine's CAIRN_ and
 * DATABASE_URL variables, standard input not a terminal. Each run returns its exit code and output.
 */
final class CairnProcess {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path workingDirectory;
    private final Map<String, String> env = new HashMap<>();

    CairnProcess(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** What a run printed and how it ended. */
    record Run(List<String> command, int exitCode, String out, String err) {

        /** Asserts the exit code, showing the whole run when it differs. */
        Run exits(int expected) {
            assertEquals(expected, exitCode, () -> "exit code of " + command + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err);
            return this;
        }

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout of " + command + " is not JSON: " + e.getMessage() + "\n" + out, e);
            }
        }
    }

    /** The launcher script Maven built. */
    static Path launcher() {
        return Path.of(System.getProperty("cairn.launcher", "target/cairn/bin/cairn")).toAbsolutePath();
    }

    /** Where a registry class was loaded from in the test JVM: the class folder or jar a user would name with --classpath. */
    static String classpathOf(Class<?> registry) {
        try {
            return Path.of(registry.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    CairnProcess env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    Run run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        return exec(command);
    }

    /**
     * Runs the command on a pseudo-terminal, through util-linux's {@code script}, typing {@code input}:
     * what the command wrote to the terminal comes back as {@link Run#out()}, escape sequences and all.
     */
    Run onTerminal(String input, String... args) {
        StringBuilder line = new StringBuilder(quoted(launcher().toString()));
        for (String arg : args) {
            line.append(' ').append(quoted(arg));
        }
        List<String> command = List.of("script", "-q", "-e", "-f", "-c", line.toString(), "/dev/null");
        return exec(command, input);
    }

    private Run exec(List<String> command) {
        return exec(command, null);
    }

    /**
     * Starts the command without waiting for it, for a verb that runs until stopped ({@code serve}):
     * its standard output is read through the returned process, its standard error goes to {@code err}.
     */
    Process start(Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        return builder(command).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
    }

    private ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("CAIRN_") || name.equals("DATABASE_URL") || name.equals("NO_COLOR")
                || name.equals("JAVA_OPTS") || name.equals("COLUMNS"));
        environment.put("TERM", "xterm");
        environment.putAll(env);
        return builder;
    }

    private Run exec(List<String> command, String input) {
        ProcessBuilder builder = builder(command);
        try {
            Path out = Files.createTempFile(workingDirectory, "out", ".txt");
            Path err = Files.createTempFile(workingDirectory, "err", ".txt");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            if (input == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            }
            Process process = builder.start();
            if (input != null) {
                // The terminal keeps what is typed ahead until the command reads its answer.
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
                process.getOutputStream().flush();
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not end within 60 s: " + Files.readString(err));
            }
            if (input != null) {
                process.getOutputStream().close();
            }
            Run run = new Run(command, process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String quoted(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
