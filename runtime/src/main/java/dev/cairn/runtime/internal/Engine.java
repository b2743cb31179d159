package dev.cairn.runtime.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.BackupReport;
import dev.cairn.runtime.BaselineReport;
import dev.cairn.runtime.Command;
import dev.cairn.runtime.ConditionsReport;
import dev.cairn.runtime.Configuration;
import dev.cairn.runtime.DryRunReport;
import dev.cairn.runtime.HistoryReport;
import dev.cairn.runtime.MigrationGraph;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.RepairReport;
import dev.cairn.runtime.RollbackReport;
import dev.cairn.runtime.StatusReport;
import dev.cairn.runtime.ValidationReport;
import java.nio.file.Path;

/**
 * The commands of a {@link dev.cairn.runtime.Migrator}, each carried out by a small class and run
 * through the one {@link CommandRunner}. A version a command names is checked against the build
 * before anything connects (on SQLite, a connection creates the file).
 */
public final class Engine {

    private final Settings settings;
    private final Plan plan;
    private final CommandRunner runner;
    private final MigrateCommand migrate;

    /**
     * The other commands' classes are created when used, and so loaded only then: the start of
     * an application, which only migrates, loads none of them.
     */
    public Engine(Settings settings, Plan plan) {
        this.settings = settings;
        this.plan = plan;
        this.runner = new CommandRunner(settings, new Listeners(settings.listeners()));
        this.migrate = new MigrateCommand(settings, plan, runner.listeners());
    }

    public Configuration configuration() {
        return settings;
    }

    /** The settings as a draft again, with the same source: for {@link dev.cairn.runtime.Migrator#toBuilder()}. */
    public Settings.Draft draft() {
        return settings.draft(plan.source());
    }

    /** The graph of the plan's migrations; builds the plan if the up-to-date path has not. */
    public MigrationGraph graph() {
        return plan.graph();
    }

    /** @param target the last version to apply, or {@code null} for all */
    public MigrationReport migrate(MigrationVersion target) {
        return migrate(target == null ? Selection.ALL : Selection.upTo(target));
    }

    /** Applies {@code version} and the pending migrations it depends on. */
    public MigrationReport apply(MigrationVersion version) {
        return migrate(Selection.only(version));
    }

    private MigrationReport migrate(Selection selection) {
        selection.named().ifPresent(plan::require);
        return runner.run(Command.MIGRATE, "migrate", session -> migrate.migrate(session, selection));
    }

    public DryRunReport dryRun() {
        return dryRun(Selection.ALL);
    }

    /** The dry run of {@link #apply}. */
    public DryRunReport dryRunApply(MigrationVersion version) {
        return dryRun(Selection.only(version));
    }

    private DryRunReport dryRun(Selection selection) {
        selection.named().ifPresent(plan::require);
        return runner.run(Command.DRY_RUN, "do a dry run", session -> migrate.dryRun(session, selection));
    }

    public RollbackReport rollback(MigrationVersion version, boolean to) {
        plan.require(version);
        return runner.run(Command.ROLLBACK, "roll back", session -> new RollbackCommand(settings, plan, runner.listeners()).rollback(session, version, to));
    }

    public StatusReport status() {
        return runner.run(Command.STATUS, "read the migration status",
                session -> CommandRunner.reading(session, new Inspection(plan)::status));
    }

    public ValidationReport validate() {
        return runner.run(Command.VALIDATE, "validate the migrations",
                session -> CommandRunner.reading(session, new Inspection(plan)::validate));
    }

    /** @param only the one migration whose conditions to check, or {@code null} for all */
    public ConditionsReport checkConditions(MigrationVersion only) {
        if (only != null) {
            plan.require(only);
        }
        return runner.run(Command.CHECK_CONDITIONS, "check the migrations' conditions",
                session -> CommandRunner.reading(session, s -> new ConditionsCommand(plan).check(s, only)));
    }

    public HistoryReport history() {
        return runner.run(Command.HISTORY, "read the migration history",
                session -> CommandRunner.reading(session, new Inspection(plan)::history));
    }

    public BaselineReport baseline(MigrationVersion version) {
        plan.require(version);
        return runner.run(Command.BASELINE, "baseline", session -> new Maintenance(settings, plan).baseline(session, version));
    }

    public RepairReport repair() {
        return runner.run(Command.REPAIR, "repair", session -> new Maintenance(settings, plan).repair(session));
    }

    public BackupReport backup(Path file) {
        return runner.run(Command.BACKUP, "back up", session -> Backups.backup(session, file));
    }
}
