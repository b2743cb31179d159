package dev.cairn.cli;

import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.StatusReport;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code cairn current} (Alembic's): the applied migrations that no applied migration depends on, where the database stands. */
@Command(name = "current", description = "Show where the database stands: the applied migrations nothing applied depends on."
        + " Changes nothing.")
final class CurrentCommand extends Verb {

    @Override
    int run() {
        StatusReport status = migrator().status();
        List<MigrationDescriptor> current = graph().appliedHeads(status.appliedVersions());
        StringBuilder text = new StringBuilder(status.database());
        if (current.isEmpty()) {
            text.append(" has no migration applied (base).");
        } else {
            text.append(" is at");
            current.forEach(m -> text.append("\n  ").append(m.displayName()));
        }
        int pending = status.pending().size();
        text.append(pending == 0 ? "\nNothing pending." : "\n" + Preview.count(pending) + " pending.");
        output().text(text.toString());
        Map<String, Object> json = Json.document(name(), ExitCode.OK);
        json.put("database", status.database());
        json.put("current", current.stream().map(Json::migration).toList());
        json.put("pending", pending);
        output().json(json);
        return ExitCode.OK;
    }
}
