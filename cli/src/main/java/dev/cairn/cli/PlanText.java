package dev.cairn.cli;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.MigrationDescriptor;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/** The plan as text for a terminal, and as Mermaid and Graphviz DOT for documentation. */
final class PlanText {

    private PlanText() {
    }

    /** A table: version, state (when the database was read), description, prerequisites; then the heads. */
    static String table(PlanView plan) {
        List<MigrationDescriptor> migrations = plan.migrations();
        int versionWidth = Math.max("VERSION".length(), migrations.stream().mapToInt(m -> m.version().toString().length()).max().orElse(0));
        int stateWidth = plan.hasStates() ? Math.max("STATE".length(), migrations.stream()
                .mapToInt(m -> plan.state(m.version()).map(s -> Json.word(s).length()).orElse(0)).max().orElse(0)) : 0;
        int descriptionWidth = Math.max("DESCRIPTION".length(), migrations.stream().mapToInt(m -> m.description().length()).max().orElse(0));
        StringBuilder text = new StringBuilder(plan.title()).append(": ").append(Preview.count(migrations.size())).append('\n');
        text.append(row(versionWidth, stateWidth, descriptionWidth, "VERSION", "STATE", "DESCRIPTION", "AFTER"));
        for (MigrationDescriptor m : migrations) {
            text.append(row(versionWidth, stateWidth, descriptionWidth, m.version().toString(),
                    plan.state(m.version()).map(Json::word).orElse(""), m.description(), joined(m.dependsOn())));
        }
        List<MigrationDescriptor> heads = plan.graph().heads();
        return text.append(heads.size() == 1 ? "Head: " : "Heads: ")
                .append(heads.stream().map(m -> m.version().toString()).collect(Collectors.joining(", "))).toString();
    }

    private static String row(int versionWidth, int stateWidth, int descriptionWidth, String version, String state,
            String description, String after) {
        String line = "  " + pad(version, versionWidth) + "  " + (stateWidth == 0 ? "" : pad(state, stateWidth) + "  ")
                + (after.isEmpty() ? description : pad(description, descriptionWidth) + "  " + after);
        return line.stripTrailing() + "\n";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String joined(List<MigrationVersion> versions) {
        return versions.stream().map(MigrationVersion::toString).collect(Collectors.joining(", "));
    }

    /** A Mermaid flowchart, which GitHub and many wikis render from a {@code mermaid} code block. */
    static String mermaid(PlanView plan) {
        StringBuilder text = new StringBuilder("flowchart LR\n");
        for (MigrationDescriptor m : plan.migrations()) {
            text.append("  ").append(id(m.version())).append("[\"").append(m.version()).append(' ')
                    .append(m.description().replace("\"", "#quot;"))
                    .append(plan.state(m.version()).map(s -> " (" + Json.word(s) + ")").orElse("")).append("\"]");
            if (plan.hasStates()) {
                text.append(":::").append(plan.look(m.version()).cssClass());
            }
            text.append('\n');
        }
        edges(plan, (from, to) -> text.append("  ").append(id(from)).append(" --> ").append(id(to)).append('\n'));
        if (plan.hasStates()) {
            for (PlanView.Look look : PlanView.Look.values()) {
                text.append("  classDef ").append(look.cssClass()).append(" fill:").append(look.fill).append(",stroke:")
                        .append(look.stroke).append('\n');
            }
        }
        return text.toString();
    }

    /** Graphviz DOT: {@code dot -Tpng plan.dot -o plan.png}. */
    static String dot(PlanView plan) {
        StringBuilder text = new StringBuilder("digraph cairn {\n  rankdir=LR;\n")
                .append("  label=\"").append(dotEscaped(plan.title())).append("\";\n")
                .append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"white\"];\n");
        for (MigrationDescriptor m : plan.migrations()) {
            PlanView.Look look = plan.look(m.version());
            text.append("  \"").append(m.version()).append("\" [label=\"").append(m.version()).append("\\n")
                    .append(dotEscaped(m.description()))
                    .append(plan.state(m.version()).map(s -> "\\n(" + Json.word(s) + ")").orElse("")).append('"');
            if (plan.hasStates()) {
                text.append(", fillcolor=\"").append(look.fill).append("\", color=\"").append(look.stroke).append('"');
            }
            text.append("];\n");
        }
        edges(plan, (from, to) -> text.append("  \"").append(from).append("\" -> \"").append(to).append("\";\n"));
        return text.append("}\n").toString();
    }

    /** One call per edge, from each prerequisite to the migration that depends on it, in plan order. */
    static void edges(PlanView plan, BiConsumer<MigrationVersion, MigrationVersion> edge) {
        for (MigrationDescriptor m : plan.migrations()) {
            for (MigrationVersion prerequisite : m.dependsOn()) {
                edge.accept(prerequisite, m.version());
            }
        }
    }

    /** A Mermaid node id: {@code v2_1} for version 2.1 (an id takes no dot). */
    private static String id(MigrationVersion version) {
        return "v" + version.toString().replace('.', '_');
    }

    private static String dotEscaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
