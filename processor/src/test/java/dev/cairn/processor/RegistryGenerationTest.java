package dev.cairn.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.cairn.MigrationVersion;
import dev.cairn.processor.plan.PlanFingerprint;
import dev.cairn.runtime.IrreversibleMigrationException;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.MigrationSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated registry for a sound graph with a branch, a merge, nested classes, a dotted
 * version, a non-transactional and an irreversible step: its exact source (a golden file), its
 * service entry, and its behaviour when loaded on the real runtime and run against SQLite.
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
    void registry_describesEachMigration_inPlanOrder_asDeclared() {
        List<MigrationDescriptor> plan = shopRegistry().migrations();

        assertThat(plan.stream().map(m -> m.version().toString()).toList())
                .containsExactly("1", "2", "2.1", "3", "3.1", "4").inOrder();
        assertThat(plan.stream().map(MigrationDescriptor::className).toList()).containsExactly(
                "com.example.shop.CreateCustomers", "com.example.shop.orders.CreateOrders",
                "com.example.shop.Catalog.CreateProducts", "com.example.shop.LinkOrdersToProducts",
                "com.example.shop.Catalog.IndexProductNames", "com.example.shop.DropLegacyTables").inOrder();
        assertThat(plan.stream().map(MigrationDescriptor::description).toList()).containsExactly(
                "Create customers", "Create the orders table", "Create products", "Link orders to products",
                "Index product names", "Drop the legacy tables").inOrder();
        assertThat(plan.stream().map(m -> m.dependsOn().toString()).toList())
                .containsExactly("[]", "[1]", "[1]", "[2, 2.1]", "[2.1]", "[3]").inOrder();
        assertThat(plan.stream().map(MigrationDescriptor::reversible).toList())
                .containsExactly(true, true, true, true, true, false).inOrder();
        assertThat(plan.stream().map(MigrationDescriptor::transactional).toList())
                .containsExactly(true, true, true, true, false, true).inOrder();
        plan.forEach(migration -> assertThat(migration.checksum()).matches("src1:[0-9a-f]{64}"));
    }

    @Test
    void eachStep_isANewInstanceOfItsMigration_orOfTheRollbackStub() {
        List<MigrationDescriptor> plan = shopRegistry().migrations();

        assertThat(plan.stream().map(m -> m.newStep().getClass().getName()).toList()).containsExactly(
                "com.example.shop.CreateCustomers", "com.example.shop.orders.CreateOrders",
                "com.example.shop.Catalog$CreateProducts", "com.example.shop.LinkOrdersToProducts",
                "com.example.shop.Catalog$IndexProductNames", REGISTRY + "$IrreversibleV4").inOrder();
        assertThat(plan.get(0).newStep()).isNotSameInstanceAs(plan.get(0).newStep());
    }

    @Test
    void fingerprint_isThePlanFingerprintOfItsVersionsAndChecksums() {
        MigrationSource registry = shopRegistry();

        Map<MigrationVersion, String> checksums = registry.migrations().stream()
                .collect(Collectors.toMap(MigrationDescriptor::version, MigrationDescriptor::checksum));
        assertThat(registry.fingerprint()).hasValue(PlanFingerprint.of(checksums));
    }

    @Test
    void versionConstants_areTheVersionsAsWritten() throws ReflectiveOperationException {
        Class<?> registry = new GeneratedClasses(Scenario.load("good/shop").compile()).load(REGISTRY);

        assertThat(registry.getField("V2_1").get(null)).isEqualTo("2.1");
        assertThat(registry.getField("V4").get(null)).isEqualTo("4");
    }

    @Test
    void runAll_appliesThePlanToSqlite_thenFindsItUpToDate(@TempDir Path dir) throws ReflectiveOperationException {
        Method runAll = new GeneratedClasses(Scenario.load("good/shop").compile()).load(REGISTRY)
                .getMethod("runAll", String.class);
        String url = "jdbc:sqlite:" + dir.resolve("shop.db");

        MigrationReport first = (MigrationReport) runAll.invoke(null, url);
        MigrationReport second = (MigrationReport) runAll.invoke(null, url);

        assertThat(first.applied().stream().map(m -> m.version().toString()).toList())
                .containsExactly("1", "2", "2.1", "3", "3.1", "4").inOrder();
        assertThat(second.isUpToDate()).isTrue();
    }

    @Test
    void irreversibleMigration_getsARollbackStubNamingIt() throws Exception {
        MigrationDescriptor irreversible = shopRegistry().migrations().get(5);

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
    void packagePrivateMigrations_getTheirRegistryInTheirPackage_forTheApplicationToUse() {
        Compilation compilation = Scenario.load("good/app").compile("-Werror");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(new GeneratedClasses(compilation).registry("com.example.app.MigrationRegistry").migrations())
                .hasSize(3);
    }

    /** The longest common package is now com.example, from which the package-private ones are out of reach. */
    @Test
    void aPublicMigrationInAnotherPackage_leavesTheRegistryWithThePackagePrivateOnes() {
        Compilation compilation = Scenario.load("good/app").with("good/public-elsewhere").compile("-Werror");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(new GeneratedClasses(compilation).registry("com.example.app.MigrationRegistry").migrations()
                .get(3).className()).isEqualTo("com.example.audit.CreateAuditLog");
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

    private static MigrationSource shopRegistry() {
        return new GeneratedClasses(Scenario.load("good/shop").compile()).registry(REGISTRY);
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
