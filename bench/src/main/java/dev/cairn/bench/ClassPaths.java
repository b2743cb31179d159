package dev.cairn.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The class paths of the children, cut from the harness's own (all of the bench's dependencies):
 * each child gets only its tool's jars, as an application using that tool would, plus the bench's
 * classes (the children's mains) and the workload. A jar is recognised by its artifact id, from
 * its file name ({@code flyway-core-13.12.1.jar}) or, for a reactor module's classes directory, its
 * module directory ({@code runtime/target/classes} is {@code cairn-runtime}).
 */
final class ClassPaths {

    static final Set<String> DRIVERS = Set.of("postgresql", "checker-qual", "sqlite-jdbc");
    static final Set<String> JACKSON = Set.of("jackson-databind", "jackson-core", "jackson-annotations");
    static final Set<String> CAIRN_RUNTIME = Set.of("cairn-runtime", "cairn-annotations");
    static final Set<String> FLYWAY = Set.of("flyway-core", "flyway-database-postgresql", "flyway-database-cockroachdb");
    static final Set<String> LIQUIBASE = Set.of("liquibase-core", "opencsv", "snakeyaml", "jaxb-api",
            "commons-collections4", "commons-text", "commons-lang3", "commons-io");
    static final Set<String> PROCESSOR = Set.of("cairn-processor", "javapoet", "jsqlparser", "jmh-core", "jopt-simple",
            "commons-math3");

    private final List<Path> entries;
    private final Path benchClasses;

    private ClassPaths(List<Path> entries, Path benchClasses) {
        this.entries = entries;
        this.benchClasses = benchClasses;
    }

    /** The harness's class path, whose bench classes directory is the one holding this class. */
    static ClassPaths ofThisJvm() throws Exception {
        Path benchClasses = Path.of(ClassPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        return new ClassPaths(entries, benchClasses);
    }

    /** The bench's classes, then the jars of these artifacts (each must be there), then {@code extra}. */
    String of(Set<String> artifacts, Path... extra) {
        List<String> path = new ArrayList<>(List.of(benchClasses.toString()));
        for (String artifact : new TreeSet<>(artifacts)) {
            path.add(find(artifact).toString());
        }
        for (Path p : extra) {
            path.add(p.toString());
        }
        return String.join(File.pathSeparator, path);
    }

    /** The jars of these artifacts only. */
    String jarsOf(Set<String> artifacts) {
        return String.join(File.pathSeparator, new TreeSet<>(artifacts).stream().map(a -> find(a).toString()).toList());
    }

    /** The class-path entry of an artifact; failing loudly, since a child without it would measure nothing. */
    Path find(String artifact) {
        return entries.stream().filter(entry -> artifact.equals(artifactId(entry))).findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + artifact + " on the bench's class path " + entries));
    }

    static String artifactId(Path entry) {
        String name = entry.getFileName().toString();
        if (Files.isDirectory(entry)) {
            // <module>/target/classes of a reactor build
            return entry.getParent() != null && entry.getParent().getParent() != null
                    ? "cairn-" + entry.getParent().getParent().getFileName() : name;
        }
        String base = name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
        // artifactId-version: the version is the first '-'-separated part that starts with a digit
        String[] parts = base.split("-");
        StringBuilder id = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length && !Character.isDigit(parts[i].charAt(0)); i++) {
            id.append('-').append(parts[i]);
        }
        return id.toString();
    }
}
