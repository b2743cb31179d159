package dev.cairn.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.cairn.processor.SyntheticMigrations.REGISTRY;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.cairn.MigrationVersion;
import dev.cairn.runtime.IrreversibleMigrationException;
import dev.cairn.runtime.MigrationDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Registries of more than one part class of 400 migrations: the plan, its steps and its version
 * constants work across parts, and loading the classes does no work per migration.
 */
class LargeGraphTest {

    private static final int COUNT = 3000;

    @Test
    void threeThousandMigrations_compileIntoOneRegistryOfParts_inPlanOrder() throws Exception {
        Compilation compilation = SyntheticMigrations.compile(COUNT);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).hadNoteCount(0); // it has version constants, so no note says it has none
        GeneratedClasses classes = new GeneratedClasses(compilation);
        assertThat(classes.names()).containsAtLeast(REGISTRY + "$Part1", REGISTRY + "$Part8");
        assertThat(classes.names()).doesNotContain(REGISTRY + "$Part9");
        List<MigrationDescriptor> plan = classes.registry(REGISTRY).migrations();
        assertThat(plan).hasSize(COUNT);
        assertIsTheLowestVersionFirstTopologicalOrder(plan);
        MigrationDescriptor irreversible = plan.stream()
                .filter(m -> m.version().equals(MigrationVersion.parse("2910"))).findFirst().orElseThrow();
        assertThat(irreversible.reversible()).isFalse();
        assertThrows(IrreversibleMigrationException.class, () -> irreversible.newStep().down(null));
        assertThat(plan.get(COUNT - 1).newStep().getClass().getName()).startsWith("com.example.big.M");
        assertThat(classes.load(REGISTRY).getField("V2910").get(null)).isEqualTo("2910");
    }

    /**
     * A cold start must not pay per migration: no static initializer (the version constants are
     * compile-time constants), and no {@code BootstrapMethods}, which every lambda, method
     * reference or string concatenation needs, in the registry or any of its parts and stubs.
     */
    @Test
    void registryClasses_haveNoStaticInitializer_andNoInvokedynamic() {
        GeneratedClasses classes = new GeneratedClasses(SyntheticMigrations.compile(500));

        assertThat(classes.nestOf(REGISTRY)).containsAtLeast(REGISTRY + "$Part2", REGISTRY + "$IrreversibleV485");
        for (String name : classes.nestOf(REGISTRY)) {
            assertThat(classes.classFileNames(name, "<clinit>")).isFalse();
            assertThat(classes.classFileNames(name, "BootstrapMethods")).isFalse();
        }
    }

    /** Each step must be, among the migrations whose dependencies are applied, the lowest version. */
    private static void assertIsTheLowestVersionFirstTopologicalOrder(List<MigrationDescriptor> plan) {
        Set<MigrationVersion> applied = new HashSet<>();
        List<MigrationDescriptor> remaining = new ArrayList<>(plan);
        for (MigrationDescriptor step : plan) {
            MigrationVersion lowestReady = remaining.stream()
                    .filter(m -> applied.containsAll(m.dependsOn()))
                    .map(MigrationDescriptor::version)
                    .min(MigrationVersion::compareTo)
                    .orElseThrow();
            assertThat(step.version()).isEqualTo(lowestReady);
            applied.add(step.version());
            remaining.remove(step);
        }
    }
}
