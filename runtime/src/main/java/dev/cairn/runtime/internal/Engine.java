package dev.cairn.runtime.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.BackupReport;
import dev.cairn.runtime.BaselineReport;
import dev.cairn.runtime.Command;
import dev.cairn.runtime.ConditionsReport;
import dev.cairn.runtime.Configuration;
import dev.cairn.runtime.DryRunReport;
import dev.cairn.runtime.HistoryReport;
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
    private final RollbackCommand rollback;
    private final Inspection inspection;
    private final Maintenance maintenance;
    private final ConditionsCommand conditions;

    public Engine(Settings settings, Plan plan) {
        this.settings = settings;
        this.plan = plan;
        this.runner = new CommandRunner(settings, new Listeners(settings.listeners()));
        this.migrate = new MigrateCommand(settings, plan, runner.listeners());
        this.rollback = new RollbackCommand(settings, plan, runner.listeners());
        this.inspection = new Inspection(plan);
        this.maintenance = new Maintenance(settings, plan);
        this.conditions = new ConditionsCommand(plan);
    }

    public Configuration configuration() {
        return settings;
    }

    /** @param target the last version to apply, or {@code null} for all */
    public MigrationReport migrate(MigrationVersion target) {
        if (target != null) {
            plan.require(target);
        }
        return runner.run(Command.MIGRATE, "migrate", session -> migrate.migrate(session, target));
    }

    public DryRunReport dryRun() {
        return runner.run(Command.DRY_RUN, "do a dry run", migrate::dryRun);
    }

    public RollbackReport rollback(MigrationVersion version, boolean to) {
        plan.require(version);
        return runner.run(Command.ROLLBACK, "roll back", session -> rollback.rollback(session, version, to));
    }

    public StatusReport status() {
        return runner.run(Command.STATUS, "read the migration status",
                session -> CommandRunner.reading(session, inspection::status));
    }

    public ValidationReport validate() {
        return runner.run(Command.VALIDATE, "validate the migrations",
                session -> CommandRunner.reading(session, inspection::validate));
    }

    /** @param only the one migration whose conditions to check, or {@code null} for all */
    public ConditionsReport checkConditions(MigrationVersion only) {
        if (only != null) {
            plan.require(only);
        }
        return runner.run(Command.CHECK_CONDITIONS, "check the migrations' conditions",
                session -> CommandRunner.reading(session, s -> conditions.check(s, only)));
    }

    public HistoryReport history() {
        return runner.run(Command.HISTORY, "read the migration history",
                session -> CommandRunner.reading(session, inspection::history));
    }

    public BaselineReport baseline(MigrationVersion version) {
        plan.require(version);
        return runner.run(Command.BASELINE, "baseline", session -> maintenance.baseline(session, version));
    }

    public RepairReport repair() {
        return runner.run(Command.REPAIR, "repair", maintenance::repair);
    }

    public BackupReport backup(Path file) {
        return runner.run(Command.BACKUP, "back up", session -> Backups.backup(session, file));
    }
}
