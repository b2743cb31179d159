package dev.cairn.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;

/**
 * Many generated migrations in package {@code com.example.big}: a tree of dependencies with
 * merges, a few dependencies on later versions, and irreversible steps spread over every part of
 * the registry.
 */
final class SyntheticMigrations {

    static final String REGISTRY = "com.example.big.MigrationRegistry";

    private SyntheticMigrations() {
    }

    /** Compiles migrations "1" to {@code count} with the processor, {@code -Xlint:all} and {@code -Werror}. */
    static Compilation compile(int count) {
        return compile(sources(count, i -> dependenciesOf(i, count)));
    }

    /**
     * Migrations "1" to {@code count} (class {@code M<i>}, its {@code @Migration} on line 7), each
     * depending on the versions {@code dependenciesOf} gives for it.
     */
    static List<JavaFileObject> sources(int count, IntFunction<List<Integer>> dependenciesOf) {
        List<JavaFileObject> sources = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            sources.add(migration(i, dependenciesOf.apply(i)));
        }
        return sources;
    }

    /** Compiles sources with the processor, {@code -Xlint:all}, {@code -Werror} and {@code options}. */
    static Compilation compile(List<JavaFileObject> sources, String... options) {
        List<String> allOptions = new ArrayList<>(List.of("-Xlint:all", "-Werror"));
        allOptions.addAll(List.of(options));
        return javac().withProcessors(new MigrationProcessor()).withOptions(allOptions).compile(sources);
    }

    /** Whether migration {@code i} is irreversible: every 97th, so rollback stubs land in several parts. */
    static boolean irreversible(int i) {
        return i % 97 == 0;
    }

    /** A heap-shaped tree (i depends on i/2), merges (every tenth also on i-3), and later versions. */
    private static List<Integer> dependenciesOf(int i, int count) {
        List<Integer> dependencies = new ArrayList<>();
        if (i >= 2) {
            dependencies.add(i / 2);
        }
        if (i % 10 == 0) {
            dependencies.add(i - 3);
        }
        if (i % 100 == 1 && i > 100 && i + 5 <= count) {
            dependencies.add(i + 5); // every ancestor of i + 5 is below i: no cycle
        }
        return dependencies;
    }

    private static JavaFileObject migration(int i, List<Integer> dependencies) {
        String dependsOn = dependencies.stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(", "));
        String down = irreversible(i) ? "" : """

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
                """.formatted(i, dependsOn, !irreversible(i), i, i, down));
    }
}
