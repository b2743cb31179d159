package dev.cairn.bench;

import dev.cairn.bench.child.CairnChild;
import dev.cairn.bench.child.FloorChild;
import dev.cairn.bench.child.FlywayChild;
import dev.cairn.bench.child.LiquibaseChild;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The tools of the DDL scenarios, each run by its child class on its own class path. */
enum Tool {
    CAIRN_JAVA("Cairn (Java)", CairnChild.class, ClassPaths.CAIRN_RUNTIME, ClassPaths.JACKSON),
    CAIRN_SQL("Cairn (SQL files)", CairnChild.class, ClassPaths.CAIRN_RUNTIME, ClassPaths.JACKSON),
    FLYWAY("Flyway", FlywayChild.class, ClassPaths.FLYWAY, Set.of()),
    LIQUIBASE("Liquibase", LiquibaseChild.class, ClassPaths.LIQUIBASE, Set.of()),
    FLOOR("raw JDBC floor", FloorChild.class, Set.of(), Set.of());

    final String label;
    final Class<?> child;
    private final Set<String> artifacts;

    Tool(String label, Class<?> child, Set<String> artifacts, Set<String> more) {
        this.label = label;
        this.child = child;
        Set<String> all = new HashSet<>(artifacts);
        all.addAll(more);
        all.addAll(ClassPaths.DRIVERS);
        this.artifacts = Set.copyOf(all);
    }

    Set<String> artifacts() {
        return artifacts;
    }

    /** The file-name-safe short name: workload jars, database names. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
