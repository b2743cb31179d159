package dev.cairn.runtime.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.BackupReport;
import dev.cairn.runtime.BaselineReport;
import dev.cairn.runtime.DryRunReport;
import dev.cairn.runtime.HistoryReport;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.RepairReport;
import dev.cairn.runtime.RollbackReport;
import dev.cairn.runtime.StatusReport;
import dev.cairn.runtime.ValidationReport;
import java.nio.file.Path;

/** The commands of a {@link dev.cairn.runtime.Migrator}, each carried out by a small class. */
public final class Engine {

    private final Settings settings;
    private final MigrateCommand migrate;
    private final RollbackCommand rollback;
    private final Inspection inspection;
    private final Maintenance maintenance;

    public Engine(Settings settings, Plan plan) {
        this.settings = settings;
        this.migrate = new MigrateCommand(settings, plan);
        this.rollback = new RollbackCommand(settings, plan);
        this.inspection = new Inspection(settings, plan);
        this.maintenance = new Maintenance(settings, plan);
    }

    /** @param target the last version to apply, or {@code null} for all */
    public MigrationReport migrate(MigrationVersion target) {
        return migrate.migrate(target);
    }

    public DryRunReport dryRun() {
        return migrate.dryRun();
    }

    public RollbackReport rollback(MigrationVersion version, boolean to) {
        return rollback.rollback(version, to);
    }

    public StatusReport status() {
        return inspection.status();
    }

    public ValidationReport validate() {
        return inspection.validate();
    }

    public HistoryReport history() {
        return inspection.history();
    }

    public BaselineReport baseline(MigrationVersion version) {
        return maintenance.baseline(version);
    }

    public RepairReport repair() {
        return maintenance.repair();
    }

    public BackupReport backup(Path file) {
        return Backups.backup(settings, file);
    }
}
