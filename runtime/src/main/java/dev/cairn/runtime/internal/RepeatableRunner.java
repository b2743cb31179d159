package dev.cairn.runtime.internal;

import dev.cairn.runtime.Command;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.ExecutedRepeatable;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationEvent;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.RepeatableMigration;
import dev.cairn.runtime.internal.Failures.Mode;
import dev.cairn.runtime.internal.history.HistoryStore;
import dev.cairn.runtime.internal.report.Events;
import dev.cairn.runtime.internal.report.RepeatedStep;
import dev.cairn.runtime.internal.sqlfile.RepeatableStore;
import dev.cairn.runtime.spi.MigrationLock;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the repeatable migrations whose checksum differs from the one recorded, after the
 * versioned ones, in name order, each in its own transaction with its row in the
 * {@link RepeatableStore}. The recorded checksum is read again inside that transaction, so that a
 * repeatable migration another process ran meanwhile is not run twice.
 */
final class RepeatableRunner {

    /** The version of a repeatable migration's stand-in descriptor. */
    private static final String STAND_IN_VERSION = "0";

    private final Session session;
    private final LockedHistory locked;
    private final MigrationLock lock;
    private final RepeatableStore store;
    private final Listeners listeners;

    RepeatableRunner(Session session, LockedHistory locked, Listeners listeners) {
        this.session = session;
        this.locked = locked;
        this.lock = locked.lock();
        this.store = store(session);
        this.listeners = listeners;
    }

    static RepeatableStore store(Session session) {
        return new RepeatableStore(session.support(), session.settings().historyTable());
    }

    /** The repeatable migrations of {@code plan} that never ran or ran with another checksum, in name order. */
    static List<RepeatableMigration> changed(Plan plan, Map<String, RepeatableStore.Applied> applied) {
        return plan.repeatables().stream().filter(r -> {
            RepeatableStore.Applied row = applied.get(r.name());
            return row == null || !row.checksum().equals(r.checksum());
        }).toList();
    }

    /**
     * After a rollback, forgets that the repeatable migrations ran, in a transaction of its own:
     * an undo file may have dropped what they created ({@code DROP TABLE ... CASCADE} drops the
     * views on it), so the next migrate runs them all again, as they are written to be run.
     */
    static void forgetAfterRollback(Session session, LockedHistory locked, Plan plan) throws SQLException {
        if (plan.repeatables().isEmpty()) {
            return;
        }
        try {
            locked.beginAgain();
            store(session).forgetAll(session.connection());
            locked.lock().commit();
        } catch (SQLException | RuntimeException e) {
            locked.lock().rollbackAfter(e);
            throw e;
        }
    }

    /** Runs each of {@code repeatables} that still differs when its turn comes. */
    List<ExecutedRepeatable> run(List<RepeatableMigration> repeatables) throws SQLException {
        List<ExecutedRepeatable> ran = new ArrayList<>();
        for (RepeatableMigration r : repeatables) {
            ExecutedRepeatable step = runOne(r);
            if (step != null) {
                ran.add(step);
            }
        }
        return ran;
    }

    /**
     * Runs the new and changed repeatable migrations of {@code plan} in the dry run's transaction,
     * after its versioned migrations; the dry run rolls them back with the rest.
     */
    static List<ExecutedRepeatable> tryOut(Session session, Plan plan, Listeners listeners) throws SQLException {
        if (plan.repeatables().isEmpty()) {
            return List.of();
        }
        List<ExecutedRepeatable> tried = new ArrayList<>();
        for (RepeatableMigration r : changed(plan, store(session).read(session.connection()))) {
            RecordingContext ctx = context(session, r, listeners, Command.DRY_RUN, true);
            long start = System.nanoTime();
            try {
                ctx.run(r.newStep(), Mode.DRY_RUN);
            } catch (Exception | Error e) {
                if (e instanceof MigrationException refused && ctx.failedStatement() == null) {
                    throw refused;
                }
                throw Failures.repeatableFailed(r, ctx, e, FailureCause.of(e, session.support()), true);
            }
            tried.add(new RepeatedStep(r.name(), r.description(), r.resource(), Duration.ofMillis(millisSince(start)),
                    ctx.statements()));
        }
        return tried;
    }

    /**
     * The context a repeatable migration runs with. Its descriptor is a stand-in (the context
     * needs one) named after the file; nothing records its version.
     */
    private static RecordingContext context(Session session, RepeatableMigration r, Listeners listeners, Command command,
            boolean dryRun) {
        MigrationDescriptor standIn = MigrationDescriptor.builder(STAND_IN_VERSION, r.resource()).description(r.name())
                .reversible(false).checksum(r.checksum()).steps(r::newStep).build();
        MigrationEvent event = new Events.Migration(command, standIn, session.database());
        return new RecordingContext(session.connection(), session.support(), standIn, dryRun, listeners, event);
    }

    private ExecutedRepeatable runOne(RepeatableMigration r) throws SQLException {
        RecordingContext ctx = context(session, r, listeners, Command.MIGRATE, false);
        long start;
        boolean held;
        try {
            locked.beginAgain();
            locked.ensureTables();
            store.createIfMissing(session.connection());
            Optional<String> recorded = store.checksumOf(session.connection(), r.name());
            if (recorded.isPresent() && recorded.get().equals(r.checksum())) {
                lock.rollback();
                return null;
            }
            locked.clearFingerprint();
            session.support().limitLockWaits(session.connection(), session.settings().statementLockTimeout(), true);
            start = System.nanoTime();
            ctx.run(r.newStep(), Mode.APPLY);
            store.record(session.connection(), r, HistoryStore.now(), session.settings().installedBy(), millisSince(start));
            held = lock.stillHeld();
        } catch (Exception | Error e) {
            lock.rollbackAfter(e);
            if (e instanceof MigrationException refused && ctx.failedStatement() == null) {
                // Cairn's own refusal (a stale file, a guarded call) says what to do already.
                throw refused;
            }
            throw Failures.repeatableFailed(r, ctx, e, FailureCause.of(e, session.support()), false);
        }
        if (!held) {
            MigrationException lost = new MigrationException(ErrorCode.LOCK_LOST, "Lost the Cairn migration"
                    + " lock of " + session.database() + " while running repeatable migration \"" + r.name() + "\" ("
                    + r.resource() + "), so its transaction was rolled back instead of committed. The versioned migrations"
                    + " of this migrate stay applied. Run migrate again.");
            lock.rollbackAfter(lost);
            throw lost;
        }
        try {
            lock.commit();
        } catch (SQLException e) {
            lock.rollbackAfter(e);
            throw Failures.repeatableFailed(r, ctx, e, FailureCause.of(e, session.support()), false);
        }
        return new RepeatedStep(r.name(), r.description(), r.resource(), Duration.ofMillis(millisSince(start)), ctx.statements());
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
