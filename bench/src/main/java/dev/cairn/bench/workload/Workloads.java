package dev.cairn.bench.workload;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Generates the workload of each size into {@code target/workloads/n<N>}: writes the files,
 * compiles the Cairn registries with javac and the Cairn processor (javax.tools, in the harness),
 * and packs each tool's migrations into its jar.
 */
public final class Workloads {

    private final Path root;
    private final String cairnClassPath;
    private final String processorPath;

    /**
     * @param root the directory of all workloads
     * @param cairnClassPath what migrations compile against (cairn-runtime, cairn-annotations)
     * @param processorPath the Cairn processor and what it needs
     */
    public Workloads(Path root, String cairnClassPath, String processorPath) {
        this.root = root;
        this.cairnClassPath = cairnClassPath;
        this.processorPath = processorPath;
    }

    /** Generates and builds the workload of {@code size} migrations, replacing an earlier one. */
    public Workload build(int size) throws IOException {
        Workload workload = new Workload(size, root.resolve("n" + size));
        Files2.deleteRecursively(workload.directory());
        new WorkloadWriter(workload).writeAll();
        Path dir = workload.directory();
        compile(workload.javaSources(), dir.resolve("cairn-java/classes"), List.of());
        jar(workload.jar("cairn-java"), dir.resolve("cairn-java/classes"));
        compile(dir.resolve("cairn-sql/src"), dir.resolve("cairn-sql/classes"),
                List.of("-Acairn.resources=" + dir.resolve("cairn-sql/resources")));
        jar(workload.jar("cairn-sql"), dir.resolve("cairn-sql/classes"), dir.resolve("cairn-sql/resources"));
        jar(workload.jar("flyway"), dir.resolve("flyway"));
        jar(workload.jar("liquibase"), dir.resolve("liquibase"));
        jar(workload.jar("floor"), dir.resolve("floor"));
        return workload;
    }

    private void compile(Path sources, Path classes, List<String> extraOptions) throws IOException {
        Files.createDirectories(classes);
        List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", cairnClassPath,
                "-processorpath", processorPath, "--release", "17", "-Xlint:all", "-Werror"));
        options.addAll(extraOptions);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null);
                Stream<Path> walk = Files.walk(sources)) {
            List<Path> javaFiles = walk.filter(f -> f.toString().endsWith(".java")).toList();
            if (!javac.getTask(messages, files, null, options, null, files.getJavaFileObjectsFromPaths(javaFiles)).call()) {
                throw new IllegalStateException("The workload in " + sources + " does not compile:\n" + messages);
            }
        }
    }

    /** Packs the files under each directory into one jar, their paths relative to it. */
    private static void jar(Path jar, Path... directories) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Path directory : directories) {
                try (Stream<Path> walk = Files.walk(directory)) {
                    for (Path entry : walk.filter(p -> !p.equals(directory)).sorted().toList()) {
                        String name = directory.relativize(entry).toString().replace('\\', '/');
                        if (Files.isDirectory(entry)) {
                            out.putNextEntry(new JarEntry(name + "/"));
                        } else {
                            out.putNextEntry(new JarEntry(name));
                            Files.copy(entry, out);
                        }
                        out.closeEntry();
                    }
                }
            }
        }
    }
}
