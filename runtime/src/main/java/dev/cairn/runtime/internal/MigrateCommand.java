package dev.cairn.runtime.internal;

import dev.cairn.runtime.internal.report.DryRunResult;
import dev.cairn.runtime.internal.report.Events;
import dev.cairn.runtime.internal.report.ExecutedData;
import dev.cairn.runtime.internal.report.ExecutedStep;
import dev.cairn.runtime.internal.report.MigrateResult;
import dev.cairn.MigrationVersion;
import dev.cairn.runtime.Command;
import dev.cairn.runtime.DryRunReport;
import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.ExecutedRepeatable;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationEvent;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.RepeatableMigration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.data.DataMigration;
import dev.cairn.runtime.internal.Failures.Mode;
import dev.cairn.runtime.internal.data.DataDryRun;
import dev.cairn.runtime.internal.data.DataOutcome;
import dev.cairn.runtime.internal.data.DataStepException;
import dev.cairn.runtime.internal.history.AppliedMigration;
import dev.cairn.runtime.internal.sqlfile.SqlDirectoryCheck;
import dev.cairn.runtime.internal.sqlfile.SqlFileMigration;
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
import java.util.stream.Stream;

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

    /** @param selection which pending migrations to apply */
    MigrationReport migrate(Session session, Selection selection) throws SQLException {
        long start = System.nanoTime();
        Optional<String> recorded = session.history().tryReadFingerprint(session.connection());
        boolean upToDate = recorded.isPresent() && recorded.get().equals(plan.fingerprint());
        // A registry compiled before its SQL files changed would pass for up to date; a jar is listed only off this path.
        SqlDirectoryCheck.check(plan.source(), !upToDate);
        if (upToDate) {
            return upToDate(session, start, selection);
        }
        return CommandRunner.locked(session, new DataJoin(session, plan, listeners), locked -> migrate(session, locked, selection, start));
    }

    private MigrationReport migrate(Session session, LockedHistory locked, Selection selection, long start)
            throws SQLException {
        FirstLook look = locked.firstTransaction(applied -> {
            List<MigrationVersion> adopted = FlywayAdopter.adoptIfFlyway(session, locked, plan);
            List<MigrationDescriptor> pending = checkedPlan(session, locked.applied(), selection);
            if (!pending.isEmpty()) {
                locked.ensureTables();
                new RunningMarkers(session).checkNotInterrupted(pending, locked);
                if (locked.rereadSinceLastAsked()) {
                    // It waited for another process's run, and that process may have done more.
                    pending = checkedPlan(session, locked.applied(), selection);
                }
            }
            // Repeatable migrations count in the fingerprint: it is recorded only once they ran too.
            List<RepeatableMigration> changed = plan.repeatables().isEmpty() ? List.of()
                    : RepeatableRunner.changed(plan, RepeatableRunner.store(session).read(session.connection()));
            if (pending.isEmpty() && changed.isEmpty()) {
                recordFingerprint(session, locked);
            }
            SqlFileMigration.checkFiles(pending, false);
            if (selection.all()) {
                SqlFileMigration.checkRepeatableFiles(changed);
            }
            return new FirstLook(pending, selection.all() ? changed : List.of(), adopted);
        });
        List<MigrationDescriptor> todo = look.pending();
        Optional<MigrationVersion> newest = AppliedChecks.newest(locked.appliedVersions());
        if (todo.isEmpty() && look.repeatables().isEmpty()) {
            return upToDate(session, start, selection, look.adopted());
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
        List<ExecutedRepeatable> repeated = look.repeatables().isEmpty() ? List.of()
                : new RepeatableRunner(session, locked, listeners).run(look.repeatables());
        if (!applied.isEmpty() || !repeated.isEmpty()) {
            recordFingerprintAfterRun(session, locked);
        }
        return new MigrateResult(session.database(), applied, Duration.ofNanos(System.nanoTime() - start), Optional.ofNullable(backup),
                selection.named(), selection.only(), repeated, look.adopted());
    }

    /**
     * What the first transaction of a migrate found to do: the versioned migrations pending, and
     * (without a target) the repeatable migrations that are new or changed, which run after them,
     * and the versions adopted from Flyway's history.
     */
    private record FirstLook(List<MigrationDescriptor> pending, List<RepeatableMigration> repeatables,
            List<MigrationVersion> adopted) {
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

    private static MigrationReport upToDate(Session session, long start, Selection selection) {
        return upToDate(session, start, selection, List.of());
    }

    private static MigrationReport upToDate(Session session, long start, Selection selection, List<MigrationVersion> adopted) {
        return new MigrateResult(session.database(), List.of(), Duration.ofNanos(System.nanoTime() - start), Optional.empty(),
                selection.named(), selection.only(), List.of(), adopted);
    }

    private List<MigrationDescriptor> checkedPlan(Session session, Map<MigrationVersion, AppliedMigration> applied,
            Selection selection) {
        List<MigrationDescriptor> todo = plan.pending(applied.keySet(), selection);
        new AppliedChecks(settings, plan, session.database()).checkForMigrate(todo, applied);
        return todo;
    }

    /**
     * Runs what migrate would apply of {@code selection} inside one transaction that is rolled
     * back. Cairn's tables are created inside it too when missing, so the database is left exactly
     * as it was. On SQLite, a table rebuild while foreign keys are enforced starts the whole dry
     * run over with them off (the one transaction cannot switch them for one migration, as migrate does).
     */
    DryRunReport dryRun(Session session, Selection selection) throws SQLException {
        SqlDirectoryCheck.check(plan.source(), true);
        return CommandRunner.locked(session, locked ->
                RerunWithoutForeignKeys.retrying(session, foreignKeys -> dryRun(session, locked.lock(), foreignKeys, selection)));
    }

    private DryRunReport dryRun(Session session, MigrationLock lock, ForeignKeyGuard foreignKeys, Selection selection)
            throws SQLException {
        DryRunReport report;
        try {
            LockedHistory history = new LockedHistory(session, lock);
            Map<MigrationVersion, AppliedMigration> applied = history.begin();
            // As migrate would, in the transaction the dry run rolls back.
            FlywayAdopter.adoptIfFlyway(session, history, plan);
            // Its statements are real, on the real database: they wait for other sessions' locks no
            // longer than migrate's would.
            session.support().limitLockWaits(session.connection(), settings.statementLockTimeout(), true);
            foreignKeys.start();
            List<MigrationDescriptor> todo = checkedPlan(session, applied, selection);
            Optional<MigrationVersion> newest = AppliedChecks.newest(applied.keySet());
            List<ExecutedMigration> ran = new ArrayList<>();
            // A non-transactional migration cannot run in the dry run's transaction, nor can what
            // depends on it: it would fail for want of the other's changes, not for its own.
            List<MigrationDescriptor> notRun = new ArrayList<>();
            Set<MigrationVersion> untried = new HashSet<>();
            for (MigrationDescriptor m : todo) {
                JavaMigration step = m.newStep();
                // A data migration's first batch runs in the transaction, whatever its transactional attribute says.
                if (!m.transactional() && !(step instanceof DataMigration) || m.dependsOn().stream().anyMatch(untried::contains)) {
                    untried.add(m.version());
                    notRun.add(m);
                } else {
                    ran.add(tryOut(session, m, step, newest.isPresent() && m.version().compareTo(newest.get()) < 0, foreignKeys));
                }
            }
            // Repeatable migrations run after every versioned one, so only when all of those were tried.
            List<ExecutedRepeatable> repeatables = notRun.isEmpty() && selection.all()
                    ? RepeatableRunner.tryOut(session, plan, listeners) : List.of();
            report = new DryRunResult(session.database(), ran, notRun, repeatables);
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
    private ExecutedMigration tryOut(Session session, MigrationDescriptor m, JavaMigration step, boolean outOfOrder,
            ForeignKeyGuard foreignKeys) {
        MigrationEvent event = new Events.Migration(Command.DRY_RUN, m, session.database());
        listeners.beforeMigration(event);
        RecordingContext ctx = new RecordingContext(session.connection(), session.support(), m, true, listeners, event);
        DataDryRun data = ctx.tryData(step, settings.migrationTimeout(), settings.dataBatchSize());
        long start = System.nanoTime();
        try {
            ctx.run(step, Mode.DRY_RUN);
            if (ctx.foreignKeysOffRequested()) {
                throw new RerunWithoutForeignKeys();
            }
            foreignKeys.check();
        } catch (Exception | Error e) {
            // The whole dry run starts over with foreign keys off, even if up() caught the signal.
            if (ctx.foreignKeysOffRequested()) {
                throw new RerunWithoutForeignKeys();
            }
            // Cast to the API type: the up-to-date path, which loads this class, loads nothing of the data engine.
            MigrationException failure = e instanceof DataStepException ? (MigrationException) e
                    : Failures.failed(m, Mode.DRY_RUN, ctx, e, FailureCause.of(e, session.support()));
            listeners.onFailure(event, failure);
            throw failure;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        DataOutcome batch = data.outcome();
        ExecutedMigration result = batch == null
                ? new ExecutedStep(m.version(), m.description(), m.className(), took, outOfOrder, ctx.statements(),
                        ctx.statementCount(), foreignKeys.switchedOff())
                : new ExecutedData(m.version(), m.description(), m.className(), took, outOfOrder,
                        Stream.concat(ctx.statements().stream(), batch.writes().stream()).toList(),
                        ctx.statementCount() + batch.writes().size(), batch);
        listeners.afterMigration(event, result);
        return result;
    }
}
