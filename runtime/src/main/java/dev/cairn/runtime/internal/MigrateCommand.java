package dev.cairn.runtime.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.DryRunReport;
import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.dialect.ForeignKeyGuard;
import dev.cairn.runtime.history.AppliedMigration;
import dev.cairn.runtime.internal.Failures.Mode;
import dev.cairn.runtime.lock.MigrationLock;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code migrate} and {@code dryRun}. The up-to-date path, the common case at every start, costs
 * the lock and one read of the history table: no catalog lookup, no per-migration query.
 */
final class MigrateCommand {

    private static final Logger LOG = System.getLogger(Migrator.LOGGER_NAME);

    private final Settings settings;
    private final Plan plan;

    MigrateCommand(Settings settings, Plan plan) {
        this.settings = settings;
        this.plan = plan;
    }

    MigrationReport migrate(MigrationVersion target) {
        long start = System.nanoTime();
        try (Session session = Session.open(settings)) {
            return session.run("migrate", () -> migrate(session, target, start));
        }
    }

    private MigrationReport migrate(Session session, MigrationVersion target, long start) throws SQLException {
        try (MigrationLock lock = session.lock()) {
            LockedHistory locked = new LockedHistory(session, lock);
            List<MigrationDescriptor> todo = locked.firstTransaction(applied -> {
                List<MigrationDescriptor> pending = checkedPlan(session, applied, target);
                if (!pending.isEmpty()) {
                    locked.ensureTables();
                    new RunningMarkers(session).checkNotInterrupted(pending, locked);
                    if (locked.rereadSinceLastAsked()) {
                        // It waited for another process's run, and that process may have done more.
                        pending = checkedPlan(session, locked.applied(), target);
                    }
                }
                return pending;
            });
            Optional<MigrationVersion> newest = AppliedChecks.newest(locked.appliedVersions());
            if (todo.isEmpty()) {
                LOG.log(Level.DEBUG, () -> session.database() + " is up to date");
                return new MigrationReport(session.database(), List.of(), Duration.ofNanos(System.nanoTime() - start), null);
            }
            Path backup = settings.backupDirectory() == null ? null : Backups.automatic(session);
            AppliedChecks checks = new AppliedChecks(settings, plan, session.database());
            StepRunner runner = new StepRunner(session, locked, plan,
                    (m, applied) -> checks.checkForMigrate(List.of(m), applied));
            List<ExecutedMigration> applied = new ArrayList<>();
            for (MigrationDescriptor m : todo) {
                boolean outOfOrder = newest.isPresent() && m.version().compareTo(newest.get()) < 0;
                ExecutedMigration done = runner.apply(m, outOfOrder);
                if (done != null) {
                    LOG.log(Level.INFO, () -> "Applied migration " + done.summary() + " to " + session.database());
                    applied.add(done);
                }
            }
            return new MigrationReport(session.database(), applied, Duration.ofNanos(System.nanoTime() - start), backup);
        }
    }

    private List<MigrationDescriptor> checkedPlan(Session session, Map<MigrationVersion, AppliedMigration> applied,
            MigrationVersion target) {
        List<MigrationDescriptor> todo = plan.pending(applied.keySet(), target);
        new AppliedChecks(settings, plan, session.database()).checkForMigrate(todo, applied);
        return todo;
    }

    /**
     * Runs the plan inside one transaction that is rolled back. Cairn's tables are created inside
     * it too when missing, so the database is left exactly as it was. On SQLite, a table rebuild
     * while foreign keys are enforced starts the whole dry run over with them off (the one
     * transaction cannot switch them for one migration, as migrate does).
     */
    DryRunReport dryRun() {
        try (Session session = Session.open(settings)) {
            return session.run("do a dry run", () -> dryRun(session));
        }
    }

    private DryRunReport dryRun(Session session) throws SQLException {
        try (MigrationLock lock = session.lock()) {
            return RerunWithoutForeignKeys.retrying(session, foreignKeys -> dryRun(session, lock, foreignKeys));
        }
    }

    private DryRunReport dryRun(Session session, MigrationLock lock, ForeignKeyGuard foreignKeys) throws SQLException {
        DryRunReport report;
        try {
            Map<MigrationVersion, AppliedMigration> applied = new LockedHistory(session, lock).begin();
            foreignKeys.start();
            List<MigrationDescriptor> todo = checkedPlan(session, applied, null);
            Optional<MigrationVersion> newest = AppliedChecks.newest(applied.keySet());
            List<ExecutedMigration> ran = new ArrayList<>();
            for (MigrationDescriptor m : todo.stream().filter(MigrationDescriptor::transactional).toList()) {
                ran.add(tryOut(session, m, newest.isPresent() && m.version().compareTo(newest.get()) < 0, foreignKeys));
            }
            report = new DryRunReport(session.database(), ran, todo.stream().filter(m -> !m.transactional()).toList());
        } catch (SQLException | RuntimeException e) {
            lock.rollbackAfter(e);
            throw e;
        }
        lock.rollback();
        return report;
    }

    /**
     * Runs {@code m} in the dry run's transaction. With foreign keys off, they are checked after
     * each migration, so that a violation names the migration that made it: the ones before passed.
     */
    private static ExecutedMigration tryOut(Session session, MigrationDescriptor m, boolean outOfOrder,
            ForeignKeyGuard foreignKeys) {
        RecordingContext ctx = new RecordingContext(session.connection(), session.dialect(), m, true);
        long start = System.nanoTime();
        try {
            m.newStep().up(ctx);
            if (ctx.foreignKeysOffRequested()) {
                throw new RerunWithoutForeignKeys();
            }
            foreignKeys.check();
        } catch (Exception e) {
            // The whole dry run starts over with foreign keys off, even if up() caught the signal.
            throw ctx.foreignKeysOffRequested() ? new RerunWithoutForeignKeys() : Failures.failed(m, Mode.DRY_RUN, ctx, e);
        }
        return new ExecutedMigration(m.version(), m.description(), m.className(),
                Duration.ofNanos(System.nanoTime() - start), outOfOrder, ctx.statements(), foreignKeys.switchedOff());
    }
}
