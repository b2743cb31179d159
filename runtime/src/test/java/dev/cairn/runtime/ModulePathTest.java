package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.JDBC;

/**
 * cairn-runtime as a named module: an application module that requires it compiles against the
 * exported packages only, and migrates a real SQLite file in a JVM of its own started on the
 * module path, with the SQLite provider found through the module's {@code provides}.
 */
class ModulePathTest {

    private static final String REGISTRY = """
            package app;

            import dev.cairn.runtime.JavaMigration;
            import dev.cairn.runtime.MigrationDescriptor;
            import dev.cairn.runtime.registry.GeneratedRegistry;

            /** What the processor would generate for two migrations. */
            public final class AppRegistry extends GeneratedRegistry {
                public AppRegistry() {
                    super(1, "plan1:module-path-test", 2);
                }

                @Override
                protected MigrationDescriptor.Builder describe(int index) {
                    switch (index) {
                        case 0: return MigrationDescriptor.builder("1", "app.CreateRouters").description("Create routers")
                                .checksum("src1:one");
                        case 1: return MigrationDescriptor.builder("2", "app.SeedRouters").description("Seed routers")
                                .dependsOn("1").checksum("src1:two");
                        default: throw new IndexOutOfBoundsException(index);
                    }
                }

                @Override
                protected JavaMigration newStep(int index) {
                    switch (index) {
                        case 0: return ctx -> ctx.execute("CREATE TABLE routers (id INTEGER PRIMARY KEY, name TEXT)");
                        case 1: return ctx -> ctx.execute("INSERT INTO routers (name) VALUES (?)", ctx.database().kind().name());
                        default: throw new IndexOutOfBoundsException(index);
                    }
                }
            }
            """;

    private static final String MAIN = """
            package app;

            import dev.cairn.runtime.Migrator;

            public final class Main {
                public static void main(String[] args) {
                    String url = "jdbc:sqlite:" + args[0];
                    System.out.println(Migrator.configure(new AppRegistry(), url).load().migrate().summary());
                    System.out.println("again up to date: " + Migrator.configure(new AppRegistry(), url).load().migrate().isUpToDate());
                    System.out.println("in a module: " + Migrator.class.getModule().getName());
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void anApplicationModule_migratesThroughTheExportedApiOnTheModulePath() throws Exception {
        Path sources = write("src/module-info.java", "module app { requires dev.cairn.runtime; }");
        write("src/app/AppRegistry.java", REGISTRY);
        write("src/app/Main.java", MAIN);
        Path classes = dir.resolve("classes");

        String compiled = compile(sources, classes);
        assertEquals("", compiled);

        Path database = dir.resolve("app.db");
        Process app = new ProcessBuilder(javaExecutable(), "--module-path", modulePath() + File.pathSeparator + classes,
                "-m", "app/app.Main", database.toString()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        assertTrue(app.waitFor(60, TimeUnit.SECONDS), "the application did not finish");
        String output = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, app.exitValue(), output + Files.readString(dir.resolve("stderr.txt")));
        assertTrue(output.startsWith("Applied 2 migrations to SQLite database jdbc:sqlite:" + database), output);
        assertTrue(output.contains("\nagain up to date: true\nin a module: dev.cairn.runtime\n"), output);
    }

    @Test
    void theEngine_isNotVisibleToAnApplicationModule() throws Exception {
        Path sources = write("src/module-info.java", "module app { requires dev.cairn.runtime; }");
        write("src/app/Peek.java", "package app; class Peek { dev.cairn.runtime.internal.Plan plan; }");

        String compiled = compile(sources, dir.resolve("classes"));

        assertTrue(compiled.contains("package dev.cairn.runtime.internal is not visible"), compiled);
        assertFalse(compiled.contains("cannot find symbol"), compiled);
    }

    private Path write(String file, String text) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
        return dir.resolve("src");
    }

    /** Compiles the module's sources; returns javac's messages, empty when it compiled cleanly. */
    private static String compile(Path sources, Path classes) throws IOException, URISyntaxException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
        }
        List<String> arguments = new ArrayList<>(List.of("-Xlint:all", "-Werror", "--module-path", modulePath(),
                "-d", classes.toString()));
        arguments.addAll(files);
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        javac.run(null, messages, messages, arguments.toArray(String[]::new));
        return messages.toString(StandardCharsets.UTF_8);
    }

    /** cairn-runtime, cairn-annotations, sqlite-jdbc and Jackson (for data migrations), as this build made or resolved them. */
    private static String modulePath() throws URISyntaxException {
        return Stream.of(Migrator.class, dev.cairn.Migration.class, JDBC.class, com.fasterxml.jackson.databind.ObjectMapper.class,
                        com.fasterxml.jackson.core.JsonParser.class, com.fasterxml.jackson.annotation.JsonProperty.class)
                .map(type -> {
                    try {
                        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
