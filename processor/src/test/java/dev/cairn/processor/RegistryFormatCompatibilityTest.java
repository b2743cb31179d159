package dev.cairn.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.Migrator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry compiled today must run on tomorrow's runtime. {@code frozen/format1} holds a
 * registry exactly as cairn-processor 0.1 generated it in registry format 1: it is never
 * regenerated, and this test compiles it without the processor against the current runtime and
 * runs it, so a change of the runtime that breaks format 1 fails here.
 */
class RegistryFormatCompatibilityTest {

    @Test
    void aFormat1Registry_compiledWithoutTheProcessor_runsOnThisRuntime(@TempDir Path dir) {
        List<JavaFileObject> sources = new ArrayList<>(Scenario.load("good/shop").sources());
        sources.addAll(Scenario.load("frozen/format1").sources());

        Compilation compilation = javac().withOptions("-proc:none", "-Xlint:all", "-Werror").compile(sources);

        assertThat(compilation).succeededWithoutWarnings();
        MigrationSource registry = new GeneratedClasses(compilation).registry("com.example.shop.MigrationRegistry");
        String url = "jdbc:sqlite:" + dir.resolve("shop.db");
        MigrationReport first = Migrator.configure(registry, url).load().migrate();
        assertThat(first.applied().stream().map(m -> m.version().toString()).toList())
                .containsExactly("1", "2", "2.1", "3", "3.1", "4").inOrder();
        assertThat(Migrator.configure(registry, url).load().migrate().isUpToDate()).isTrue();
    }
}
