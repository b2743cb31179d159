package dev.cairn.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/**
 * A module laid out on disk as Maven and Gradle lay it out, {@code src/main/java} next to
 * {@code src/main/resources}, with the package {@code com.example.db} annotated
 * {@code @SqlMigrations("db/migration")} and SQL files in that directory; compiled with the
 * processor from its real source files, so that the processor finds the directory as in a build.
 */
final class SqlModule {

    static final String PACKAGE = "com.example.db";
    private static final String LOCATION = "db/migration";

    private final Path root;
    private final Map<String, String> javaSources = new TreeMap<>();
    private final Map<Path, JavaFileObject> sourceFiles = new HashMap<>();
    private String database = "SQLITE";
    private String annotation;

    SqlModule(Path root) {
        this.root = root;
    }

    /** The database the files are written for: {@code "SQLITE"} (the default) or {@code "POSTGRESQL"}. */
    SqlModule database(String name) {
        database = name;
        return this;
    }

    /** Replaces the package's annotation, such as {@code @SqlMigrations(value = "db/none", database = ...)}. */
    SqlModule annotation(String text) {
        annotation = text;
        return this;
    }

    /** Writes {@code text} as {@code db/migration/<name>} in the resources. */
    SqlModule sql(String name, String text) {
        write(resources().resolve(LOCATION).resolve(name), text);
        return this;
    }

    /** Adds a class of package {@code com.example.db}, given its simple name and its body after the imports. */
    SqlModule java(String simpleName, String declaration) {
        javaSources.put(simpleName, "package " + PACKAGE + ";\n\nimport dev.cairn.Migration;\nimport dev.cairn.runtime.JavaMigration;\n"
                + "import dev.cairn.runtime.MigrationContext;\n\n" + declaration);
        return this;
    }

    /** The module's resources directory. */
    Path resources() {
        return root.resolve("src/main/resources");
    }

    /** Compiles the package with {@code -Xlint:all} and {@code options}. */
    Compilation compile(String... options) {
        return compileWith(new MigrationProcessor(), options);
    }

    /** Compiles as {@link #compile} does, with {@code processor} (such as the processor in a build tool's wrapper). */
    Compilation compileWith(Processor processor, String... options) {
        List<String> allOptions = new ArrayList<>(List.of("-Xlint:all"));
        allOptions.addAll(List.of(options));
        return javac().withProcessors(processor).withOptions(allOptions).compile(sources());
    }

    /** The source of {@code package-info.java} or of a class, as handed to the compiler. */
    JavaFileObject file(String simpleName) {
        return sourceFile(javaDirectory().resolve(simpleName + ".java"));
    }

    private List<JavaFileObject> sources() {
        write(javaDirectory().resolve("package-info.java"), (annotation != null ? annotation
                : "@SqlMigrations(value = \"" + LOCATION + "\", database = SqlMigrations.Database." + database + ")")
                + "\npackage " + PACKAGE + ";\n\nimport dev.cairn.SqlMigrations;\n");
        javaSources.forEach((name, source) -> write(javaDirectory().resolve(name + ".java"), source));
        List<JavaFileObject> files = new ArrayList<>(List.of(file("package-info")));
        javaSources.keySet().forEach(name -> files.add(file(name)));
        return files;
    }

    private Path javaDirectory() {
        return root.resolve("src/main/java").resolve(PACKAGE.replace('.', '/'));
    }

    /** One object per file, so that a test's {@code inFile} finds the one the compiler read. */
    private JavaFileObject sourceFile(Path path) {
        return sourceFiles.computeIfAbsent(path, file -> {
            try {
                return JavaFileObjects.forResource(file.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
