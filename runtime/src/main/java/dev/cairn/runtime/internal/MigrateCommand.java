package dev.cairn.runtime.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.DryRunReport;
import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationReport;
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
 * the lock, a catalog lookup and one read of the history table: no per-migration query.
 */
final class MigrateCommand {

    private static final Logger LOG = System.getLogger("dev.cairn.runtime.Migrator");

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
            StepRunner runner = new StepRunner(session, lock);
            List<MigrationDescriptor> todo = runner.firstTransaction(applied -> {
                List<MigrationDescriptor> pending = checkedPlan(session, applied, target);
                runner.checkNotInterrupted(pending);
                return pending;
            });
            Optional<MigrationVersion> newest = AppliedChecks.newest(runner.appliedVersions());
            if (todo.isEmpty()) {
                LOG.log(Level.DEBUG, () -> session.database() + " is up to date");
                return new MigrationReport(session.database(), List.of(), Duration.ofNanos(System.nanoTime() - start), null);
            }
            Path backup = settings.backupDirectory() == null ? null : Backups.automatic(session);
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
        AppliedChecks checks = new AppliedChecks(settings, plan, session.database());
        checks.checkKnown(applied);
        checks.checkChecksums(applied);
        List<MigrationDescriptor> todo = plan.pending(applied.keySet(), target);
        checks.checkOrder(todo, applied);
        return todo;
    }

    /**
     * Runs the plan inside one transaction that is rolled back. Cairn's tables are created inside
     * it too when missing, so the database is left exactly as it was.
     */
    DryRunReport dryRun() {
        try (Session session = Session.open(settings)) {
            return session.run("do a dry run", () -> dryRun(session));
        }
    }

    private DryRunReport dryRun(Session session) throws SQLException {
        try (MigrationLock lock = session.lock();
                ForeignKeyGuard foreignKeys = session.dialect().guardForeignKeys(session.connection())) {
            StepRunner runner = new StepRunner(session, lock);
            try {
                Map<MigrationVersion, AppliedMigration> applied = runner.begin();
                List<MigrationDescriptor> todo = checkedPlan(session, applied, null);
                Optional<MigrationVersion> newest = AppliedChecks.newest(applied.keySet());
                List<ExecutedMigration> ran = new ArrayList<>();
                for (MigrationDescriptor m : todo.stream().filter(MigrationDescriptor::transactional).toList()) {
                    ran.add(tryOut(session, m, newest.isPresent() && m.version().compareTo(newest.get()) < 0));
                }
                foreignKeys.check();
                return new DryRunReport(session.database(), ran,
                        todo.stream().filter(m -> !m.transactional()).toList());
            } finally {
                lock.rollback();
            }
        }
    }

    private static ExecutedMigration tryOut(Session session, MigrationDescriptor m, boolean outOfOrder) {
        RecordingContext ctx = new RecordingContext(session.connection(), session.dialect(), m, true);
        long start = System.nanoTime();
        try {
            m.newStep().up(ctx);
        } catch (Exception e) {
            throw Failures.failed(m, Mode.DRY_RUN, ctx, e);
        }
        return new ExecutedMigration(m.version(), m.description(), m.className(),
                Duration.ofNanos(System.nanoTime() - start), outOfOrder, ctx.statements());
    }
}
