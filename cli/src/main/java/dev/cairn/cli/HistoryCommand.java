package dev.cairn.cli;

import dev.cairn.runtime.HistoryReport;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code cairn history}: the audit log, every apply, rollback, failure, baseline and repair, oldest first. */
@Command(name = "history", description = "Show the audit log: every apply, rollback, failure, baseline and repair, oldest"
        + " first. Changes nothing; needs no classpath.")
final class HistoryCommand extends Verb {

    @Override
    int run() {
        HistoryReport report = migrator(sourceIfAny()).history();
        output().text(report.summary());
        Map<String, Object> json = Json.document(name(), ExitCode.OK);
        json.put("database", report.database());
        json.put("entries", report.entries().stream().map(Json::logEntry).toList());
        output().json(json);
        return ExitCode.OK;
    }
}
