package dev.cairn.cli;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.MigrationState;
import dev.cairn.runtime.StatusReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn plan}: the dependency graph as a table, Mermaid, DOT, an SVG picture or JSON; states marked when a database is given. */
@Command(name = "plan", description = {"Show the migration graph: --format text (default), mermaid, dot, svg (a picture to"
        + " open in a browser) or json. With a database (--url, CAIRN_URL...), each migration is marked applied, pending,"
        + " failed... Changes nothing."})
final class PlanCommand extends Verb {

    /** The formats of the plan. */
    enum Format { TEXT, MERMAID, DOT, SVG, JSON }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, mermaid, dot, svg or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"--output", "-o"}, paramLabel = "FILE", description = "Write the plan to this file instead of standard output.")
    Path file;

    @Override
    int run() {
        Map<MigrationVersion, MigrationState> states = new HashMap<>();
        String title = "Plan of " + source().getClass().getName();
        if (setup().url().isPresent()) {
            StatusReport status = migrator().status();
            status.migrations().forEach(m -> states.put(m.version(), m.state()));
            title += " on " + status.database();
        }
        PlanView plan = new PlanView(title, graph(), states);
        String text = switch (json ? Format.JSON : format) {
            case JSON -> Output.toJson(document(plan));
            case MERMAID -> PlanText.mermaid(plan);
            case DOT -> PlanText.dot(plan);
            case SVG -> PlanSvg.render(plan);
            case TEXT -> PlanText.table(plan);
        };
        if (file != null) {
            try {
                Files.writeString(file, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliException.failure("CANNOT_WRITE", "Cannot write the plan to " + file.toAbsolutePath() + ": " + e + ".");
            }
            output().err().println("Wrote the plan of " + Preview.count(plan.migrations().size()) + " to " + file + ".");
        } else if (json) {
            output().json(document(plan));
        } else {
            output().raw(text);
        }
        return ExitCode.OK;
    }

    private Map<String, Object> document(PlanView plan) {
        Map<String, Object> json = Json.document(name(), ExitCode.OK);
        json.put("registry", source().getClass().getName());
        json.put("title", plan.title());
        Map<MigrationVersion, Integer> layers = plan.graph().layers();
        json.put("migrations", plan.migrations().stream().map(m -> {
            Map<String, Object> node = Json.migration(m);
            node.put("state", plan.state(m.version()).map(Enum::name).orElse(null));
            node.put("layer", layers.get(m.version()));
            return node;
        }).toList());
        json.put("heads", plan.graph().heads().stream().map(m -> m.version().toString()).toList());
        return json;
    }
}
