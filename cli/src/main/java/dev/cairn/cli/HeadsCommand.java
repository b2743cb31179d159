package dev.cairn.cli;

import dev.cairn.runtime.MigrationDescriptor;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code cairn heads}: the migrations nothing depends on, where a new migration goes (two heads: a branch to merge). */
@Command(name = "heads", description = "Show the migrations that nothing depends on: a new migration depends on them."
        + " Needs no database.")
final class HeadsCommand extends Verb {

    @Override
    int run() {
        List<MigrationDescriptor> heads = graph().heads();
        StringBuilder text = new StringBuilder(heads.size() == 1 ? "1 head:" : heads.size() + " heads (branches to merge):");
        heads.forEach(m -> text.append("\n  ").append(m.displayName()));
        output().text(text.toString());
        Map<String, Object> json = Json.document(name(), ExitCode.OK);
        json.put("heads", heads.stream().map(Json::migration).toList());
        output().json(json);
        return ExitCode.OK;
    }
}
