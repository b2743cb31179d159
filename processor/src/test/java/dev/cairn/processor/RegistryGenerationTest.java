package dev.cairn.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.cairn.runtime.IrreversibleMigrationException;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The generated registry for a sound graph with a branch, a merge, nested classes, a dotted
 * version, a non-transactional and an irreversible step: its exact source (a golden file), its
 * service entry, and its behaviour when loaded.
 *
 * <p>Set {@code CAIRN_GOLDEN_ROOT} to the module's {@code src/test/resources} to rewrite the
 * golden files after an intended change, then review the diff.
 */
class RegistryGenerationTest {

    private static final String REGISTRY = "com.example.shop.MigrationRegistry";

    @Test
    void soundGraph_compilesWithoutWarnings_underLintAndWerror() {
        Compilation compilation = Scenario.load("good/shop").compile("-Werror");

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void registry_matchesTheGoldenSource() {
        Compilation compilation = Scenario.load("good/shop").compile();

        assertThat(compilation).succeeded();
        assertMatchesGolden(generatedSource(compilation, REGISTRY), "expected/shop/MigrationRegistry.java");
    }

    @Test
    void registry_isListedAsAServiceProvider() {
        Compilation compilation = Scenario.load("good/shop").compile();

        JavaFileObject services = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/services/dev.cairn.runtime.MigrationSource").orElseThrow();
        assertThat(content(services)).isEqualTo(REGISTRY + "\n");
    }

    @Test
    void registry_isByteIdentical_onRebuild_whateverTheOrderOfSources() {
        String first = generatedSource(Scenario.load("good/shop").compile(), REGISTRY);
        String second = generatedSource(Scenario.load("good/shop").reversed().compile(), REGISTRY);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void registry_listsMigrationsInPlanOrder_withTheirDeclarations() {
        MigrationSource registry = new GeneratedClasses(Scenario.load("good/shop").compile()).registry(REGISTRY);

        List<MigrationDescriptor> plan = registry.migrations();
        assertThat(plan.stream().map(m -> m.version().toString()).toList())
                .containsExactly("1", "2", "2.1", "3", "3.1", "4").inOrder();
        MigrationDescriptor merge = plan.get(3);
        assertThat(merge.description()).isEqualTo("Link orders to products");
        assertThat(merge.dependsOn().stream().map(Object::toString).toList()).containsExactly("2", "2.1").inOrder();
        assertThat(merge.className()).isEqualTo("com.example.shop.LinkOrdersToProducts");
        assertThat(merge.checksum()).matches("src1:[0-9a-f]{64}");
        assertThat(plan.get(1).description()).isEqualTo("Create the orders table");
        assertThat(plan.get(4).transactional()).isFalse();
        assertThat(plan.get(4).className()).isEqualTo("com.example.shop.Catalog.IndexProductNames");
    }

    @Test
    void irreversibleMigration_getsARollbackStubNamingIt() throws Exception {
        MigrationSource registry = new GeneratedClasses(Scenario.load("good/shop").compile()).registry(REGISTRY);

        MigrationDescriptor irreversible = registry.migrations().get(5);
        assertThat(irreversible.reversible()).isFalse();
        IrreversibleMigrationException refused = assertThrows(IrreversibleMigrationException.class,
                () -> irreversible.newStep().down(null));
        assertThat(refused.getMessage()).contains("Migration 4 \"Drop the legacy tables\" is irreversible");
        assertThat(refused.version().toString()).isEqualTo("4");
    }

    @Test
    void packageOption_placesTheRegistry() {
        Compilation compilation = Scenario.load("good/public").compile("-Acairn.package=com.example.db");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(new GeneratedClasses(compilation).registry("com.example.db.MigrationRegistry").migrations()
                .get(0).className()).isEqualTo("com.example.pub.CreateAccounts");
    }

    @Test
    void compilationWithoutMigrations_generatesNothing() {
        Compilation compilation = Scenario.load("bad/unrelated-ok").compile();

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation.generatedFiles().stream()
                .filter(file -> file.getKind() != JavaFileObject.Kind.CLASS).toList()).isEmpty();
    }

    @Test
    void unrelatedCodeThatDoesNotCompile_getsOnlyItsOwnError() {
        Compilation compilation = Scenario.load("good/shop").with("bad/unrelated-error").compile();

        assertThat(compilation).hadErrorContaining("incompatible types");
        assertThat(compilation).hadErrorCount(1);
    }

    static String generatedSource(Compilation compilation, String qualifiedName) {
        return content(compilation.generatedSourceFile(qualifiedName)
                .orElseThrow(() -> new AssertionError("no " + qualifiedName + " in " + compilation.generatedFiles())));
    }

    static String content(FileObject file) {
        try {
            return file.getCharContent(false).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertMatchesGolden(String actual, String goldenPath) {
        String root = System.getenv("CAIRN_GOLDEN_ROOT");
        try {
            if (root != null) {
                Path target = Path.of(root, goldenPath);
                Files.createDirectories(target.getParent());
                Files.writeString(target, actual, StandardCharsets.UTF_8);
            }
            try (var in = RegistryGenerationTest.class.getClassLoader().getResourceAsStream(goldenPath)) {
                if (in == null) {
                    throw new AssertionError("no golden file " + goldenPath + "; run with CAIRN_GOLDEN_ROOT=src/test/resources");
                }
                assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
