package dev.cairn.maven;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationState;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The migration graph as text a user renders: Graphviz DOT and Mermaid. Nodes in plan order, one
 * edge from each prerequisite to the migration that depends on it, and, when the database was
 * read, each migration's state as a word and a colour.
 */
final class PlanGraph {

    private final List<MigrationDescriptor> migrations;
    private final Map<MigrationVersion, MigrationState> states;

    PlanGraph(List<MigrationDescriptor> migrations, Map<MigrationVersion, MigrationState> states) {
        this.migrations = List.copyOf(migrations);
        this.states = Map.copyOf(states);
    }

    /** The graph in Graphviz DOT: {@code dot -Tsvg plan.dot -o plan.svg}. */
    String toDot() {
        StringBuilder dot = new StringBuilder("digraph cairn {\n  rankdir=LR;\n")
                .append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"white\"];\n");
        for (MigrationDescriptor m : migrations) {
            dot.append("  \"").append(m.version()).append("\" [label=\"").append(m.version()).append("\\n")
                    .append(dotEscaped(m.description()));
            MigrationState state = states.get(m.version());
            if (state != null) {
                dot.append("\\n(").append(word(state)).append(")\", fillcolor=\"").append(colour(state));
            }
            dot.append("\"];\n");
        }
        for (MigrationDescriptor m : migrations) {
            for (MigrationVersion prerequisite : m.dependsOn()) {
                dot.append("  \"").append(prerequisite).append("\" -> \"").append(m.version()).append("\";\n");
            }
        }
        return dot.append("}\n").toString();
    }

    /** The graph as a Mermaid flowchart, which GitHub and many wikis render inside a {@code mermaid} block. */
    String toMermaid() {
        StringBuilder text = new StringBuilder("flowchart LR\n");
        for (MigrationDescriptor m : migrations) {
            MigrationState state = states.get(m.version());
            text.append("  ").append(id(m.version())).append("[\"").append(m.version()).append(' ')
                    .append(m.description().replace("\"", "#quot;"))
                    .append(state == null ? "" : " (" + word(state) + ")").append("\"]");
            if (state != null) {
                text.append(":::").append(cssClass(state));
            }
            text.append('\n');
        }
        for (MigrationDescriptor m : migrations) {
            for (MigrationVersion prerequisite : m.dependsOn()) {
                text.append("  ").append(id(prerequisite)).append(" --> ").append(id(m.version())).append('\n');
            }
        }
        if (!states.isEmpty()) {
            text.append("  classDef applied fill:#c8e6c9,stroke:#2e7d32\n")
                    .append("  classDef pending fill:#eeeeee,stroke:#616161\n")
                    .append("  classDef failed fill:#ffcdd2,stroke:#c62828\n")
                    .append("  classDef attention fill:#fff9c4,stroke:#f9a825\n");
        }
        return text.toString();
    }

    /** {@code applied}, {@code pending}, {@code failed}, {@code out of order}, {@code checksum changed}... */
    private static String word(MigrationState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String cssClass(MigrationState state) {
        return switch (state) {
            case APPLIED -> "applied";
            case PENDING, OUT_OF_ORDER -> "pending";
            case FAILED, INTERRUPTED -> "failed";
            case CHECKSUM_CHANGED, IN_PROGRESS, RUNNING, UNKNOWN, DUPLICATE -> "attention";
        };
    }

    private static String colour(MigrationState state) {
        return switch (cssClass(state)) {
            case "applied" -> "#c8e6c9";
            case "pending" -> "#eeeeee";
            case "failed" -> "#ffcdd2";
            default -> "#fff9c4";
        };
    }

    /** A Mermaid node id: {@code v2_1} for version 2.1 (a dot is not allowed in an id). */
    private static String id(MigrationVersion version) {
        return "v" + version.toString().replace('.', '_');
    }

    private static String dotEscaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
