package dev.cairn.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.cairn.processor.RegistryGenerationTest.assertMatchesGolden;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.cairn.runtime.MigrationSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While there are errors, the processor writes a stand-in {@code MigrationRegistry} of the
 * registry's public shape, a {@code MigrationSource} included, that refuses to run, so that code
 * using the registry gets no follow-on "cannot find symbol" or "incompatible types"; the build
 * still fails on Cairn's error, and the stand-in is no service.
 */
class StandInRegistryTest {

    private static final String REGISTRY = "com.example.bad.MigrationRegistry";

    @TempDir
    Path dir;

    /** The stand-in written for a cycle among migrations 1, 3, 4, 5 and 6. */
    private String standIn() {
        Scenario scenario = Scenario.load("bad/cycle").with("bad/shared");
        assertThat(scenario.compile()).failed();
        try {
            return Files.readString(scenario.generateInto(dir).resolve("com/example/bad/MigrationRegistry.java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void whileThereAreErrors_theStandInMatchesTheGoldenSource() {
        assertMatchesGolden(standIn(), "expected/stand-in/MigrationRegistry.java");
    }

    @Test
    void theStandIn_compilesWithoutWarnings_andNothingInItRuns() throws ReflectiveOperationException {
        Class<?> standIn = compiledAlone(standIn());

        List<Executable> entryPoints = List.of(standIn.getConstructor(),
                standIn.getMethod("runAll", DataSource.class), standIn.getMethod("runAll", String.class),
                standIn.getMethod("migrator", DataSource.class), standIn.getMethod("configure", DataSource.class));
        for (Executable entryPoint : entryPoints) {
            InvocationTargetException thrown = assertThrows(InvocationTargetException.class, () -> invoke(entryPoint));
            assertThat(thrown.getCause()).isInstanceOf(IllegalStateException.class);
            assertThat(thrown.getCause()).hasMessageThat().isEqualTo(REGISTRY + " is a stand-in: the compilation that"
                    + " generated it had errors in its @Migration classes, so it has no migrations and cannot run."
                    + " Fix the errors the compiler reported, and rebuild.");
        }
        assertThat(standIn.getField("V1").get(null)).isEqualTo("1");
        assertThat(standIn.getField("V6").get(null)).isEqualTo("6");
    }

    @Test
    void theStandIn_hasThePublicShapeOfARealRegistry() {
        Class<?> real = new GeneratedClasses(Scenario.load("good/shop").compile()).load("com.example.shop.MigrationRegistry");
        Class<?> standIn = compiledAlone(standIn());

        assertThat(publicStaticMethods(standIn)).isEqualTo(publicStaticMethods(real));
        assertThat(Modifier.isPublic(standIn.getModifiers()) && Modifier.isFinal(standIn.getModifiers())).isTrue();
        assertThat(Arrays.stream(standIn.getConstructors()).map(c -> c.getParameterCount()).toList()).containsExactly(0);
        assertThat(Arrays.stream(standIn.getFields()).map(field -> field.getName()).toList())
                .containsExactly("V1", "V3", "V4", "V5", "V6").inOrder();

        // A MigrationSource as the real registry is, but not a GeneratedRegistry: none of its protected API.
        assertThat(MigrationSource.class.isAssignableFrom(real)).isTrue();
        assertThat(standIn.getSuperclass()).isEqualTo(Object.class);
        assertThat(Arrays.asList(standIn.getInterfaces())).containsExactly(MigrationSource.class);
        assertThat(instanceMethods(standIn)).containsExactly("public java.util.List migrations[]");
    }

    /** Compiles the stand-in on its own, as any source of an application, under {@code -Xlint:all -Werror}. */
    private static Class<?> compiledAlone(String source) {
        Compilation compilation = javac().withProcessors(new MigrationProcessor()).withOptions("-Xlint:all", "-Werror")
                .compile(JavaFileObjects.forSourceString(REGISTRY, source));
        assertThat(compilation).succeededWithoutWarnings();
        return new GeneratedClasses(compilation).load(REGISTRY);
    }

    private static void invoke(Executable entryPoint) throws ReflectiveOperationException {
        if (entryPoint instanceof Method method) {
            method.invoke(null, new Object[] {null});
        } else {
            ((java.lang.reflect.Constructor<?>) entryPoint).newInstance();
        }
    }

    private static Set<String> instanceMethods(Class<?> type) {
        Set<String> signatures = new TreeSet<>();
        for (Method method : type.getDeclaredMethods()) {
            if (!Modifier.isStatic(method.getModifiers()) && !method.isSynthetic()) {
                signatures.add(Modifier.toString(method.getModifiers()) + " " + method.getReturnType().getName() + " "
                        + method.getName() + Arrays.toString(method.getParameterTypes()));
            }
        }
        return signatures;
    }

    private static Set<String> publicStaticMethods(Class<?> type) {
        Set<String> signatures = new TreeSet<>();
        for (Method method : type.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers())) {
                signatures.add(method.getReturnType().getName() + " " + method.getName()
                        + Arrays.toString(method.getParameterTypes()));
            }
        }
        return signatures;
    }
}
