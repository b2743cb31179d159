package dev.cairn.cli;

import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.RepairReport;
import dev.cairn.runtime.ValidationReport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn repair}: after a person fixed the database by hand, accepts changed checksums and clears failures. */
@Command(name = "repair", description = "After fixing the database by hand: accept the build's checksums of changed migrations"
        + " and clear failed or interrupted state, so that the next migrate runs them again. Shows what it will repair and"
        + " asks first (--yes to skip it).")
final class RepairCommand extends Verb {

    private static final Set<ValidationReport.Kind> REPAIRED = Set.of(ValidationReport.Kind.CHECKSUM_CHANGED,
            ValidationReport.Kind.FAILED, ValidationReport.Kind.INTERRUPTED);

    @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation (for scripts and CI).")
    boolean yes;

    @Override
    int run() {
        Migrator migrator = migrator();
        List<ValidationReport.Problem> toRepair = migrator.validate().problems().stream().filter(p -> REPAIRED.contains(p.kind()))
                .toList();
        if (!toRepair.isEmpty()) {
            StringBuilder text = new StringBuilder("Will repair " + migrator.configuration().database() + ":");
            toRepair.forEach(p -> text.append("\n  [").append(p.kind()).append("] ").append(p.message()));
            output().err().println(text);
            Confirmation.require(output(), yes, name());
        }
        RepairReport report = migrator.repair();
        output().success(report.summary());
        Map<String, Object> json = Json.document(name(), ExitCode.OK);
        json.put("database", report.database());
        json.put("checksumsAccepted", Json.versions(report.checksumsAccepted()));
        json.put("failuresCleared", Json.versions(report.failuresCleared()));
        output().json(json);
        return ExitCode.OK;
    }
}
