package dev.cairn.cli;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.DryRunReport;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.Migrator;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn migrate} (Alembic's {@code upgrade}): applies what is pending, after showing it and
 * asking; {@code --dry-run} and {@code --sql} try it in a transaction that is rolled back.
 */
@Command(name = "migrate", aliases = "upgrade", description = {"Apply the pending migrations, all or up to --target,"
        + " after showing them and asking for confirmation (--yes to skip it).",
        "--dry-run tries them in a transaction that is rolled back; --sql prints their statements as a script (offline"
                + " review). A dry run cannot try non-transactional migrations, nor those that depend on one: they are"
                + " listed, without statements. The script records nothing in Cairn's history."})
final class MigrateCommand extends Verb {

    @Option(names = "--target", paramLabel = "VERSION", description = "Apply only the pending migrations up to this version,"
            + " with the prerequisites they need.")
    String target;

    @Option(names = "--dry-run", description = "Try the pending migrations in a transaction that is rolled back; change nothing.")
    boolean dryRun;

    @Option(names = "--sql", description = "Print the statements the pending migrations run, as an SQL script; change nothing.")
    boolean sql;

    @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation (for scripts and CI).")
    boolean yes;

    @Override
    int run() {
        MigrationVersion upTo = target == null ? null : versionInBuild("--target", target);
        if ((dryRun || sql) && upTo != null) {
            throw CliException.usage("TARGET_IN_DRY_RUN", "--target cannot go with --dry-run or --sql: a dry run tries every pending"
                    + " migration. Leave out --target to see them all.");
        }
        Migrator migrator = migrator();
        if (dryRun || sql) {
            return tryOut(migrator);
        }
        Set<MigrationVersion> applied = databaseMissing() ? Set.of() : migrator.status().appliedVersions();
        List<MigrationDescriptor> plan = graph().toApply(applied, upTo);
        if (!plan.isEmpty()) {
            Preview.show(output(), "Will apply " + Preview.count(plan.size()) + " to " + migrator.configuration().database() + ":",
                    plan);
            Confirmation.require(output(), yes, name());
            progress().expect(plan.size());
        }
        MigrationReport report = upTo == null ? migrator.migrate() : migrator.migrate(upTo);
        output().success(report.summary());
        Map<String, Object> json = Json.document(name(), ExitCode.OK);
        json.put("database", report.database());
        json.put("upToDate", report.isUpToDate());
        json.put("target", report.target().map(Object::toString).orElse(null));
        json.put("durationMs", report.duration().toMillis());
        json.put("applied", report.applied().stream().map(Json::executed).toList());
        json.put("backup", report.backup().map(Object::toString).orElse(null));
        output().json(json);
        return ExitCode.OK;
    }

    private int tryOut(Migrator migrator) {
        boolean missing = databaseMissing();
        progress().expect(missing ? graph().migrations().size() : migrator.status().pending().size());
        DryRunReport report;
        try {
            report = migrator.dryRun();
        } finally {
            if (missing) {
                removeEmptyFile();
            }
        }
        if (sql) {
            output().text(report.toSqlScript());
        } else {
            output().success(report.summary());
        }
        Map<String, Object> json = Json.document(name(), ExitCode.OK);
        json.put("database", report.database());
        json.put("dryRun", true);
        json.put("upToDate", report.isUpToDate());
        json.putAll(Json.dryRun(report));
        if (sql) {
            json.put("sql", report.toSqlScript());
        }
        output().json(json);
        return ExitCode.OK;
    }

    /** Connecting created the SQLite file the dry run rolled back everything in: a dry run leaves nothing behind. */
    private void removeEmptyFile() {
        setup().requireUrl().sqliteFile().ifPresent(file -> {
            try {
                if (Files.isRegularFile(file) && Files.size(file) == 0) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                output().err().println("Cannot remove the empty database file " + file + " that the dry run's connection created: " + e);
            }
        });
    }

    /** A SQLite file that does not exist yet: everything is pending, and status would refuse to create it. */
    private boolean databaseMissing() {
        return setup().requireUrl().sqliteFile().filter(file -> !Files.exists(file)).isPresent();
    }
}
