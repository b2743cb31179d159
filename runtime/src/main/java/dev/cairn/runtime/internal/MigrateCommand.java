package dev.cairn.runtime.internal;

import dev.cairn.runtime.internal.report.DryRunResult;
import dev.cairn.runtime.internal.report.Events;
import dev.cairn.runtime.internal.report.ExecutedStep;
import dev.cairn.runtime.internal.report.MigrateResult;
import dev.cairn.MigrationVersion;
import dev.cairn.runtime.Command;
import dev.cairn.runtime.DryRunReport;
import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationEvent;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.internal.Failures.Mode;
import dev.cairn.runtime.internal.history.AppliedMigration;
import dev.cairn.runtime.spi.ForeignKeyGuard;
import dev.cairn.runtime.spi.MigrationLock;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code migrate} and {@code dryRun}. The up-to-date path, the common case at every start, is
 * one read of the state table, compared with the plan's compile-time fingerprint: no lock, no
 * history read, no migration descriptor built. Any difference takes the full path, which checks
 * the history under the lock and records the fingerprint once the database is up to date.
 */
final class MigrateCommand {

    private static final Logger LOG = System.getLogger(Migrator.LOGGER_NAME);

    private final Settings settings;
    private final Plan plan;
    private final Listeners listeners;

    MigrateCommand(Settings settings, Plan plan, Listeners listeners) {
        this.settings = settings;
        this.plan = plan;
        this.listeners = listeners;
    }

    /** @param target the last version to apply, or {@code null} for all */
    MigrationReport migrate(Session session, MigrationVersion target) throws SQLException {
        long start = System.nanoTime();
        Optional<String> recorded = session.history().tryReadFingerprint(session.connection());
        if (recorded.isPresent() && recorded.get().equals(plan.fingerprint())) {
            return upToDate(session, start, target);
        }
        return CommandRunner.locked(session, locked -> migrate(session, locked, target, start));
    }

    private MigrationReport migrate(Session session, LockedHistory locked, MigrationVersion target, long start)
            throws SQLException {
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
            if (pending.isEmpty()) {
                recordFingerprint(session, locked);
            }
            return pending;
        });
        Optional<MigrationVersion> newest = AppliedChecks.newest(locked.appliedVersions());
        if (todo.isEmpty()) {
            return upToDate(session, start, target);
        }
        Path backup = settings.backupDirectory().isEmpty() ? null : Backups.automatic(session);
        AppliedChecks checks = new AppliedChecks(settings, plan, session.database());
        StepRunner runner = new StepRunner(session, locked, plan, listeners, Command.MIGRATE,
                (m, applied) -> checks.checkForMigrate(List.of(m), applied));
        List<ExecutedMigration> applied = new ArrayList<>();
        for (MigrationDescriptor m : todo) {
            boolean outOfOrder = newest.isPresent() && m.version().compareTo(newest.get()) < 0;
            ExecutedMigration done = runner.apply(m, outOfOrder);
            if (done != null) {
                applied.add(done);
            }
        }
        if (!applied.isEmpty()) {
            recordFingerprintAfterRun(session, locked);
        }
        return new MigrateResult(session.database(), applied, Duration.ofNanos(System.nanoTime() - start), Optional.ofNullable(backup),
                Optional.ofNullable(target));
    }

    /**
     * Records the fingerprint after applying migrations, in a small transaction of its own. It only
     * spares the next start the full check, so a failure here (SQLite: another process's long
     * transaction) is logged, never turned into a failed migrate: every migration is committed.
     */
    private void recordFingerprintAfterRun(Session session, LockedHistory locked) {
        try {
            locked.beginAgain();
            locked.recordFingerprintIfUpToDate(plan);
            locked.lock().commit();
        } catch (SQLException | RuntimeException e) {
            locked.lock().rollbackAfter(e);
            LOG.log(Level.WARNING, "Every migration was applied to " + session.database() + ", but Cairn could not record"
                    + " that it is up to date (" + e + "); the next start checks the history instead, and records it then.");
        }
    }

    /**
     * Records the fingerprint when the full path found nothing to do (a database migrated before
     * fingerprints, or by a build with other migrations). A read-only database stays as it is:
     * the next start takes the full path again.
     */
    private void recordFingerprint(Session session, LockedHistory locked) throws SQLException {
        try {
            locked.recordFingerprintIfUpToDate(plan);
        } catch (SQLException e) {
            if (!session.support().isReadOnly(e)) {
                throw e;
            }
        }
    }

    private static MigrationReport upToDate(Session session, long start, MigrationVersion target) {
        return new MigrateResult(session.database(), List.of(), Duration.ofNanos(System.nanoTime() - start), Optional.empty(),
                Optional.ofNullable(target));
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
    DryRunReport dryRun(Session session) throws SQLException {
        return CommandRunner.locked(session, locked ->
                RerunWithoutForeignKeys.retrying(session, foreignKeys -> dryRun(session, locked.lock(), foreignKeys)));
    }

    private DryRunReport dryRun(Session session, MigrationLock lock, ForeignKeyGuard foreignKeys) throws SQLException {
        DryRunReport report;
        try {
            Map<MigrationVersion, AppliedMigration> applied = new LockedHistory(session, lock).begin();
            // Its statements are real, on the real database: they wait for other sessions' locks no
            // longer than migrate's would.
            session.support().limitLockWaits(session.connection(), settings.statementLockTimeout(), true);
            foreignKeys.start();
            List<MigrationDescriptor> todo = checkedPlan(session, applied, null);
            Optional<MigrationVersion> newest = AppliedChecks.newest(applied.keySet());
            List<ExecutedMigration> ran = new ArrayList<>();
            // A non-transactional migration cannot run in the dry run's transaction, nor can what
            // depends on it: it would fail for want of the other's changes, not for its own.
            List<MigrationDescriptor> notRun = new ArrayList<>();
            Set<MigrationVersion> untried = new HashSet<>();
            for (MigrationDescriptor m : todo) {
                if (!m.transactional() || m.dependsOn().stream().anyMatch(untried::contains)) {
                    untried.add(m.version());
                    notRun.add(m);
                } else {
                    ran.add(tryOut(session, m, newest.isPresent() && m.version().compareTo(newest.get()) < 0, foreignKeys));
                }
            }
            report = new DryRunResult(session.database(), ran, notRun);
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
    private ExecutedMigration tryOut(Session session, MigrationDescriptor m, boolean outOfOrder, ForeignKeyGuard foreignKeys) {
        MigrationEvent event = new Events.Migration(Command.DRY_RUN, m, session.database());
        listeners.beforeMigration(event);
        RecordingContext ctx = new RecordingContext(session.connection(), session.support(), m, true, listeners, event);
        long start = System.nanoTime();
        try {
            ctx.run(m.newStep(), Mode.DRY_RUN);
            if (ctx.foreignKeysOffRequested()) {
                throw new RerunWithoutForeignKeys();
            }
            foreignKeys.check();
        } catch (Exception | Error e) {
            // The whole dry run starts over with foreign keys off, even if up() caught the signal.
            if (ctx.foreignKeysOffRequested()) {
                throw new RerunWithoutForeignKeys();
            }
            MigrationException failure = Failures.failed(m, Mode.DRY_RUN, ctx, e, FailureCause.of(e, session.support()));
            listeners.onFailure(event, failure);
            throw failure;
        }
        ExecutedMigration result = new ExecutedStep(m.version(), m.description(), m.className(),
                Duration.ofNanos(System.nanoTime() - start), outOfOrder, ctx.statements(), ctx.statementCount(),
                foreignKeys.switchedOff());
        listeners.afterMigration(event, result);
        return result;
    }
}
