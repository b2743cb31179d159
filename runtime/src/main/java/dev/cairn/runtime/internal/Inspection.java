package dev.cairn.runtime.internal;

import dev.cairn.runtime.internal.report.HistoryResult;
import dev.cairn.runtime.internal.report.StatusLine;
import dev.cairn.runtime.internal.report.StatusResult;
import dev.cairn.runtime.internal.report.ValidationResult;
import dev.cairn.MigrationVersion;
import dev.cairn.runtime.HistoryReport;
import dev.cairn.runtime.LogEntry;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationState;
import dev.cairn.runtime.MigrationStatus;
import dev.cairn.runtime.StatusReport;
import dev.cairn.runtime.ValidationReport;
import dev.cairn.runtime.ValidationReport.Kind;
import dev.cairn.runtime.ValidationReport.Problem;
import dev.cairn.runtime.internal.history.AppliedMigration;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code status}, {@code validate} and {@code history}: read without the lock and without
 * creating anything, so they work on a read-only database and on one Cairn never touched.
 */
final class Inspection {

    private final Plan plan;

    Inspection(Plan plan) {
        this.plan = plan;
    }

    StatusReport status(Session session) throws SQLException {
        boolean exists = session.history().exists(session.connection());
        Map<MigrationVersion, AppliedMigration> applied = exists ? session.history().readApplied(session.connection()) : Map.of();
        Map<MigrationVersion, LogEntry> open = exists ? session.history().openAttempts(session.connection()) : Map.of();
        return new StatusResult(session.database(), statuses(applied, open, session.sessionCheck()));
    }

    private List<MigrationStatus> statuses(Map<MigrationVersion, AppliedMigration> applied, Map<MigrationVersion, LogEntry> open,
            AttemptOutcome.SessionCheck sessions) {
        Optional<MigrationVersion> newest = AppliedChecks.newest(applied.keySet());
        List<MigrationStatus> statuses = new ArrayList<>();
        for (MigrationDescriptor m : plan.all()) {
            AppliedMigration a = applied.get(m.version());
            if (a != null) {
                statuses.add(applied(m, a));
            } else {
                statuses.add(pending(m, open.get(m.version()), newest, sessions));
            }
        }
        for (AppliedMigration a : AppliedChecks.unknown(plan, applied)) {
            statuses.add(new StatusLine(a.version(), a.description(), "", MigrationState.UNKNOWN, a.installedOn(),
                    a.installedBy(), "applied, but this build does not know it (a newer build migrated the database?)"));
        }
        return statuses;
    }

    private static MigrationStatus applied(MigrationDescriptor m, AppliedMigration a) {
        Checksums.Comparison checksum = Checksums.compare(a.checksum(), m.checksum());
        if (checksum == Checksums.Comparison.DRIFTED) {
            return new StatusLine(m.version(), m.description(), m.className(), MigrationState.CHECKSUM_CHANGED,
                    a.installedOn(), a.installedBy(), "checksum in the database " + a.checksum() + ", in this build " + m.checksum());
        }
        return new StatusLine(m.version(), m.description(), m.className(), MigrationState.APPLIED, a.installedOn(),
                a.installedBy(), checksum == Checksums.Comparison.SAME ? "" : Checksums.notComparedNote(a.checksum()));
    }

    private static MigrationStatus pending(MigrationDescriptor m, LogEntry attempt, Optional<MigrationVersion> newest,
            AttemptOutcome.SessionCheck sessions) {
        if (attempt != null && !m.transactional()) {
            return openNonTransactional(m, attempt, sessions);
        }
        MigrationState state;
        String detail = "";
        if (attempt != null) {
            state = MigrationState.FAILED;
            detail = "failed " + attempt.loggedOn() + ": " + attempt.detail();
        } else if (newest.isPresent() && m.version().compareTo(newest.get()) < 0) {
            state = MigrationState.OUT_OF_ORDER;
            detail = "older than the newest applied migration " + newest.get();
        } else {
            state = MigrationState.PENDING;
        }
        return new StatusLine(m.version(), m.description(), m.className(), state, null, null, detail);
    }

    /** A non-transactional migration with an open attempt: running right now, or maybe half applied. */
    private static MigrationStatus openNonTransactional(MigrationDescriptor m, LogEntry attempt,
            AttemptOutcome.SessionCheck sessions) {
        // Read without the lock, so whatever the database, only the run's process can tell.
        AttemptOutcome outcome = AttemptOutcome.of(attempt, false, sessions);
        String run = "last run, started " + attempt.loggedOn() + ", " + outcome.whatHappened(attempt);
        if (outcome == AttemptOutcome.RUNNING) {
            return new StatusLine(m.version(), m.description(), m.className(), MigrationState.RUNNING, null, null, run);
        }
        return new StatusLine(m.version(), m.description(), m.className(), MigrationState.INTERRUPTED, null, null,
                run + (outcome == AttemptOutcome.ON_ANOTHER_HOST ? "; if it is not running any more, it" : "; it")
                        + " may be half applied: fix by hand, then run repair");
    }

    ValidationReport validate(Session session) throws SQLException {
        StatusReport status = status(session);
        List<Problem> problems = new ArrayList<>();
        for (MigrationStatus s : status.migrations()) {
            String name = s.version() + " \"" + s.description() + "\"" + (s.className().isEmpty() ? "" : " (" + s.className() + ")");
            switch (s.state()) {
                case APPLIED -> { }
                case PENDING, OUT_OF_ORDER -> problems.add(new ValidationResult.Difference(Kind.PENDING, s.version(),
                        name + " is not applied" + (s.detail().isEmpty() ? "" : " (" + s.detail() + ")") + "; run migrate."));
                case CHECKSUM_CHANGED -> problems.add(new ValidationResult.Difference(Kind.CHECKSUM_CHANGED, s.version(), name
                        + " changed after it was applied (" + s.detail() + "); revert the change and put it in a new"
                        + " migration, or run repair if the database already matches it."));
                case FAILED -> problems.add(new ValidationResult.Difference(Kind.FAILED, s.version(), name + " " + s.detail()
                        + "; fix it and run migrate again."));
                case INTERRUPTED -> problems.add(new ValidationResult.Difference(Kind.INTERRUPTED, s.version(), name + " " + s.detail() + "."));
                case RUNNING -> problems.add(new ValidationResult.Difference(Kind.PENDING, s.version(), name + " is being run right now ("
                        + s.detail() + "); wait for it."));
                case UNKNOWN -> problems.add(new ValidationResult.Difference(Kind.UNKNOWN_APPLIED, s.version(), name
                        + " is applied but unknown to this build; deploy the build that has it."));
            }
        }
        return new ValidationResult(status.database(), problems);
    }

    HistoryReport history(Session session) throws SQLException {
        return new HistoryResult(session.database(),
                session.history().exists(session.connection()) ? session.history().readLog(session.connection()) : List.of());
    }
}
