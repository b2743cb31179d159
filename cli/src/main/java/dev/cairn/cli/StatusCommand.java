package dev.cairn.cli;

import dev.cairn.runtime.MigrationState;
import dev.cairn.runtime.StatusReport;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn status}: where each migration stands; {@code --verbose} adds the database's tables and their rows. */
@Command(name = "status", description = "Show where each migration stands: applied, pending, failed... Changes nothing.")
final class StatusCommand extends Verb {

    /** A line of the status table: version, state, the rest. */
    private static final Pattern STATE = Pattern.compile("(  \\S+\\s+)(" + Arrays.stream(MigrationState.values())
            .map(Enum::name).collect(Collectors.joining("|")) + ")(\\s.*)");

    @Option(names = {"--verbose", "-v"}, description = "Also list the database's tables with their row counts.")
    boolean verbose;

    @Override
    int run() {
        StatusReport report = migrator().status();
        List<DatabaseInspector.Table> tables = verbose ? DatabaseInspector.inspect(setup(), report.database(), false).tables() : List.of();
        output().text(coloured(report.summary()));
        if (verbose) {
            output().text(DatabaseInspector.rowCounts(tables));
        }
        Map<String, Object> json = Json.document(name(), ExitCode.OK);
        json.put("database", report.database());
        json.put("applied", report.appliedVersions().size());
        json.put("pending", report.pending().size());
        json.put("upToDate", report.isUpToDate());
        json.put("migrations", report.migrations().stream().map(Json::status).toList());
        if (verbose) {
            json.put("tables", tables.stream().map(DatabaseInspector.Table::toJson).toList());
        }
        output().json(json);
        return ExitCode.OK;
    }

    /** The summary with each state in its colour on a colour terminal: green applied, red failed, yellow what needs attention. */
    private String coloured(String summary) {
        Terminal terminal = output().terminal();
        if (!terminal.colour()) {
            return summary;
        }
        StringBuilder text = new StringBuilder();
        for (String line : summary.split("\n", -1)) {
            Matcher state = STATE.matcher(line);
            if (state.matches()) {
                PlanView.Look look = PlanView.look(MigrationState.valueOf(state.group(2)));
                Terminal.Colour colour = switch (look) {
                    case APPLIED -> Terminal.Colour.GREEN;
                    case FAILED -> Terminal.Colour.RED;
                    case ATTENTION -> Terminal.Colour.YELLOW;
                    case PENDING, NOT_READ -> null;
                };
                line = colour == null ? line : state.group(1) + terminal.paint(colour, state.group(2)) + state.group(3);
            }
            text.append(text.length() == 0 ? "" : "\n").append(line);
        }
        return text.toString();
    }
}
