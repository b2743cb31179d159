package dev.cairn.cli;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.BaselineReport;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.Migrator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn baseline V} (Alembic's {@code stamp}): records that the database already has the
 * changes of the migrations up to V, without running them. {@code head} names the whole build.
 */
@Command(name = "baseline", aliases = "stamp", description = {"Record the migrations up to VERSION (and their prerequisites)"
        + " as applied without running them, for a database that already has their changes; 'head' for every migration."
        + " Shows them and asks first (--yes to skip it)."})
final class BaselineCommand extends Verb {

    @Parameters(paramLabel = "VERSION|head", description = "The version the database is at.")
    String version;

    @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation (for scripts and CI).")
    boolean yes;

    @Override
    int run() {
        Migrator migrator = migrator();
        MigrationVersion at = version.trim().equalsIgnoreCase("head")
                ? graph().migrations().stream().map(MigrationDescriptor::version).max(Comparator.naturalOrder())
                        .orElseThrow(() -> CliException.usage("EMPTY_BUILD", "The registry has no migration to baseline at."))
                : versionInBuild("VERSION", version);
        List<MigrationDescriptor> marked = graph().toApply(migrator.status().appliedVersions(), at);
        if (!marked.isEmpty()) {
            Preview.show(output(), "Will record " + Preview.count(marked.size()) + " as applied to " + migrator.configuration().database()
                    + " without running them:", marked);
            Confirmation.require(output(), yes, name());
        }
        BaselineReport report = migrator.baseline(at);
        output().success(report.summary());
        Map<String, Object> json = Json.document(name(), ExitCode.OK);
        json.put("database", report.database());
        json.put("baseline", report.baseline().toString());
        json.put("marked", Json.versions(report.marked()));
        output().json(json);
        return ExitCode.OK;
    }
}
