package dev.cairn.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** A directory of test sources under {@code src/test/resources}, compiled with the processor. */
final class Scenario {

    private final Map<String, JavaFileObject> files = new TreeMap<>();
    private boolean reverseOrder;

    private Scenario() {
    }

    /** The test resource directory {@code name}, such as {@code sql/good/mixed}, on disk. */
    static Path directory(String name) {
        URL url = Scenario.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource directory " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads every {@code .java} file below the resource directory {@code name}, such as {@code bad/cycle}. */
    static Scenario load(String name) {
        Scenario scenario = new Scenario();
        Path root = directory(name);
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                scenario.files.put(root.relativize(path).toString(), JavaFileObjects.forResource(path.toUri().toURL()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scenario;
    }

    /** Adds the sources of another scenario. */
    Scenario with(String name) {
        files.putAll(load(name).files);
        return this;
    }

    /** One source, by its path relative to the scenario directory, such as {@code Three.java}. */
    JavaFileObject file(String relativePath) {
        JavaFileObject file = files.get(relativePath);
        if (file == null) {
            throw new IllegalArgumentException("no " + relativePath + " in " + files.keySet());
        }
        return file;
    }

    /** The same sources handed to the compiler in the opposite order. */
    Scenario reversed() {
        reverseOrder = !reverseOrder;
        return this;
    }

    /** Compiles every source with the Cairn processor and {@code -Xlint:all}. */
    Compilation compile(String... options) {
        List<String> allOptions = new ArrayList<>(List.of("-Xlint:all"));
        allOptions.addAll(List.of(options));
        return javac().withProcessors(new MigrationProcessor()).withOptions(allOptions).compile(sources());
    }

    /**
     * Compiles as {@link #compile} does, but into directories below {@code dir}: generated sources
     * in {@code sources/}, class files and resources in {@code classes/}. Unlike a
     * {@link Compilation}'s generated files, these can be read when the compilation fails.
     *
     * @return the directory of generated sources
     */
    Path generateInto(Path dir, String... options) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Path generated = dir.resolve("sources");
        Path classes = dir.resolve("classes");
        List<String> allOptions = new ArrayList<>(List.of("-Xlint:all"));
        allOptions.addAll(List.of(options));
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(generated);
            Files.createDirectories(classes);
            fileManager.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
            fileManager.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            JavaCompiler.CompilationTask task = compiler.getTask(null, fileManager, new DiagnosticCollector<>(),
                    allOptions, null, sources());
            task.setProcessors(List.of(new MigrationProcessor()));
            task.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return generated;
    }

    /** The sources, in the order they are handed to the compiler. */
    List<JavaFileObject> sources() {
        List<JavaFileObject> sources = new ArrayList<>(files.values());
        if (reverseOrder) {
            Collections.reverse(sources);
        }
        return sources;
    }
}
