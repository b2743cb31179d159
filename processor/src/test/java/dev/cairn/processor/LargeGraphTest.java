package dev.cairn.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.cairn.MigrationVersion;
import dev.cairn.runtime.IrreversibleMigrationException;
import dev.cairn.runtime.MigrationDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One compilation of 1,000 migrations: a tree of dependencies with merges, a few dependencies on
 * later versions and irreversible steps, spread over more than one part of the registry.
 */
class LargeGraphTest {

    private static final int COUNT = 1000;

    @Test
    void thousandMigrations_compileIntoOneRegistry_inPlanOrder() {
        List<JavaFileObject> sources = new ArrayList<>();
        for (int i = 1; i <= COUNT; i++) {
            sources.add(migration(i, dependenciesOf(i)));
        }

        Compilation compilation = javac().withProcessors(new MigrationProcessor())
                .withOptions("-Xlint:all", "-Werror").compile(sources);

        assertThat(compilation).succeededWithoutWarnings();
        List<MigrationDescriptor> plan = new GeneratedClasses(compilation)
                .registry("com.example.big.MigrationRegistry").migrations();
        assertThat(plan).hasSize(COUNT);
        assertIsTheLowestVersionFirstTopologicalOrder(plan);
        MigrationDescriptor irreversible = plan.stream()
                .filter(m -> m.version().equals(MigrationVersion.parse("970"))).findFirst().orElseThrow();
        assertThat(irreversible.reversible()).isFalse();
        assertThrows(IrreversibleMigrationException.class, () -> irreversible.newStep().down(null));
    }

    /** A heap-shaped tree (i depends on i/2), merges (every tenth also on i-3), and later versions. */
    private static List<Integer> dependenciesOf(int i) {
        List<Integer> dependencies = new ArrayList<>();
        if (i >= 2) {
            dependencies.add(i / 2);
        }
        if (i % 10 == 0) {
            dependencies.add(i - 3);
        }
        if (i % 100 == 1 && i > 100) {
            dependencies.add(i + 5); // every ancestor of i + 5 is below i: no cycle
        }
        return dependencies;
    }

    /** Every 97th migration is irreversible, so rollback stubs land in several parts of the registry. */
    private static JavaFileObject migration(int i, List<Integer> dependencies) {
        String dependsOn = dependencies.stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(", "));
        boolean reversible = i % 97 != 0;
        String down = !reversible ? "" : """

                    @Override
                    public void down(MigrationContext ctx) throws Exception {
                        ctx.execute("DROP TABLE t%d");
                    }
                """.formatted(i);
        return JavaFileObjects.forSourceString("com.example.big.M" + i, """
                package com.example.big;

                import dev.cairn.Migration;
                import dev.cairn.runtime.JavaMigration;
                import dev.cairn.runtime.MigrationContext;

                @Migration(version = "%d", dependsOn = {%s}, reversible = %b)
                @SuppressWarnings("cairn")
                final class M%d implements JavaMigration {
                    @Override
                    public void up(MigrationContext ctx) throws Exception {
                        ctx.execute("CREATE TABLE t%d (id INTEGER)");
                    }
                %s}
                """.formatted(i, dependsOn, reversible, i, i, down));
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
