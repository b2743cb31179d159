package dev.cairn.cli;

import dev.cairn.runtime.ValidationReport;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code cairn validate}: compares the build with the database; exit code 3 when they differ. */
@Command(name = "validate", description = "Compare the build with the database: pending, changed, unknown or failed"
        + " migrations. Changes nothing. Exits with 3 when it finds a problem.")
final class ValidateCommand extends Verb {

    @Override
    int run() {
        ValidationReport report = migrator().validate();
        int exitCode = report.isValid() ? ExitCode.OK : ExitCode.VALIDATION;
        if (report.isValid()) {
            output().success(report.summary());
        } else {
            output().text(report.summary());
        }
        Map<String, Object> json = Json.document(name(), exitCode);
        json.put("database", report.database());
        json.put("valid", report.isValid());
        json.put("problems", report.problems().stream().map(Json::problem).toList());
        output().json(json);
        return exitCode;
    }
}
