package dev.cairn.runtime.internal;

import dev.cairn.runtime.internal.report.HistoryResult;
import dev.cairn.runtime.internal.report.RepeatableLine;
import dev.cairn.runtime.internal.report.StatusLine;
import dev.cairn.runtime.internal.report.StatusResult;
import dev.cairn.runtime.internal.report.ValidationResult;
import dev.cairn.MigrationVersion;
import dev.cairn.runtime.HistoryReport;
import dev.cairn.runtime.LogAction;
import dev.cairn.runtime.LogEntry;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationState;
import dev.cairn.runtime.MigrationStatus;
import dev.cairn.runtime.RepeatableMigration;
import dev.cairn.runtime.RepeatableStatus;
import dev.cairn.runtime.StatusReport;
import dev.cairn.runtime.ValidationReport;
import dev.cairn.runtime.ValidationReport.Kind;
import dev.cairn.runtime.ValidationReport.Problem;
import dev.cairn.runtime.internal.data.DataTables;
import dev.cairn.runtime.internal.history.AppliedMigration;
import dev.cairn.runtime.internal.history.HistoryStore;
import dev.cairn.runtime.internal.sqlfile.RepeatableStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code status}, {@code validate} and {@code history}: read without the lock and without
 * creating anything, so they work on a read-only database and on one Cairn never touched. They
 * also read a history that someone edited by hand (two rows of one version, a deleted row, a
 * dropped log), which the commands that write refuse, and say what is wrong.
 */
final class Inspection {

    private final Plan plan;

    Inspection(Plan plan) {
        this.plan = plan;
    }

    /** A line of status and, unless it is fine, the problem validate reports for it. */
    private record Line(MigrationStatus status, Problem problem) {
    }

    /** What status and validate read. */
    private record Lines(String database, List<Line> lines, String note, Map<String, RepeatableStore.Applied> flywayRepeatables) {
    }

    StatusReport status(Session session) throws SQLException {
        Lines read = read(session);
        return new StatusResult(read.database(), read.lines().stream().map(Line::status).toList(), read.note(),
                repeatables(session, read.flywayRepeatables()));
    }

    ValidationReport validate(Session session) throws SQLException {
        Lines read = read(session);
        return new ValidationResult(read.database(), read.lines().stream().map(Line::problem).filter(Objects::nonNull).toList(),
                joined(read.note(), repeatablesToRun(repeatables(session, read.flywayRepeatables()))));
    }

    /**
     * What validate says of the repeatable migrations: none is a difference (they are made to run
     * again), but the ones the next migrate runs are named.
     */
    private static String repeatablesToRun(List<RepeatableStatus> repeatables) {
        List<String> toRun = repeatables.stream().filter(r -> r.state() != RepeatableStatus.State.APPLIED)
                .map(r -> r.name() + " (" + (r.state() == RepeatableStatus.State.CHANGED ? "changed" : "never ran") + ")").toList();
        return toRun.isEmpty() ? "" : "The next migrate runs " + (toRun.size() == 1 ? "the repeatable migration "
                : "the repeatable migrations ") + String.join(", ", toRun) + ".";
    }

    private static String joined(String first, String second) {
        return first.isEmpty() ? second : second.isEmpty() ? first : first + "\n" + second;
    }

    HistoryReport history(Session session) throws SQLException {
        HistoryStore history = session.history();
        Connection connection = session.connection();
        List<RepeatableStatus> ran = repeatables(session, Map.of()).stream().filter(r -> r.installedOn() != null).toList();
        if (history.logExists(connection)) {
            return new HistoryResult(session.database(), history.readLog(connection), "", ran);
        }
        return new HistoryResult(session.database(), List.of(), logMissing(history, history.exists(connection)), ran);
    }

    private Lines read(Session session) throws SQLException {
        HistoryStore history = session.history();
        Connection connection = session.connection();
        boolean hasLog = history.logExists(connection);
        boolean hasHistory = history.exists(connection);
        // A database Cairn never ran on may have Flyway's history, which the next migrate adopts.
        FlywayAdopter.Preview flyway = hasHistory ? null : FlywayAdopter.preview(session, plan);
        Map<MigrationVersion, List<AppliedMigration>> rows = hasHistory ? HistoryStore.byVersion(history.readRows(connection))
                : flyway.rows();
        Map<MigrationVersion, LogEntry> open = hasLog ? history.openAttempts(connection) : Map.of();
        Map<MigrationVersion, LogEntry> lastRun = hasLog ? history.lastApplyOrRollback(connection) : Map.of();
        Map<MigrationVersion, AppliedMigration> applied = new LinkedHashMap<>();
        rows.forEach((version, of) -> applied.put(version, of.get(0)));
        Set<MigrationVersion> forgotten = plan.all().stream().map(MigrationDescriptor::version).filter(v -> !applied.containsKey(v)
                && !open.containsKey(v) && recordsApplied(lastRun.get(v))).collect(Collectors.toSet());
        // Only when a row was deleted by hand does it matter whether migrate trusts a stale "up to date".
        boolean trusted = !forgotten.isEmpty() && history.tryReadFingerprint(connection).filter(plan.fingerprint()::equals).isPresent();

        Optional<MigrationVersion> newest = AppliedChecks.newest(applied.keySet());
        AttemptOutcome.SessionCheck sessions = session.sessionCheck();
        Map<String, String> running = session.support().runningMigrations(connection);
        // Data migrations leave checkpoints only behind an open attempt: without one there is nothing to read.
        DataTables data = new DataTables(session.support(), session.settings().historyTable());
        Map<String, DataTables.RunState> dataRuns = open.isEmpty() ? Map.of() : data.runs(connection);
        Map<String, Long> quarantined = data.quarantined(connection);
        List<Line> lines = new ArrayList<>();
        for (MigrationDescriptor m : plan.all()) {
            List<AppliedMigration> of = rows.get(m.version());
            if (of != null && of.size() > 1) {
                lines.add(duplicate(m.version(), m.description(), m.className(), of, m.checksum()));
            } else if (of != null) {
                String version = m.version().toString();
                Line line = open.containsKey(m.version()) && dataRuns.containsKey(version)
                        ? inProgress(m, open.get(m.version()), dataRuns.get(version), sessions) : applied(m, of.get(0));
                lines.add(quarantined.containsKey(version) ? withQuarantined(line, quarantined.get(version), data) : line);
            } else if (forgotten.contains(m.version())) {
                lines.add(forgotten(m, lastRun.get(m.version()), newest, applied, forgotten, trusted));
            } else if (open.containsKey(m.version()) && dataRuns.containsKey(m.version().toString())) {
                lines.add(inProgress(m, open.get(m.version()), dataRuns.get(m.version().toString()), sessions));
            } else if (running.containsKey(m.version().toString())) {
                lines.add(running(m, running.get(m.version().toString())));
            } else {
                lines.add(pending(m, open.get(m.version()), newest, sessions));
            }
        }
        for (AppliedMigration a : AppliedChecks.unknown(plan, applied)) {
            List<AppliedMigration> of = rows.get(a.version());
            lines.add(of.size() > 1 ? duplicate(a.version(), a.description(), "", of, null) : unknown(a));
        }
        return new Lines(session.database(), lines, hasLog ? "" : hasHistory ? logMissing(history, true) : flyway.note(),
                hasHistory ? Map.of() : flyway.repeatables());
    }

    /**
     * Each repeatable migration of the plan with where it stands; reads their table only if the
     * plan has some. {@code fromFlyway}: those the next migrate adopts from Flyway's history.
     */
    private List<RepeatableStatus> repeatables(Session session, Map<String, RepeatableStore.Applied> fromFlyway)
            throws SQLException {
        if (plan.repeatables().isEmpty()) {
            return List.of();
        }
        Map<String, RepeatableStore.Applied> ran = new LinkedHashMap<>(fromFlyway);
        ran.putAll(RepeatableRunner.store(session).read(session.connection()));
        List<RepeatableStatus> lines = new ArrayList<>();
        for (RepeatableMigration r : plan.repeatables()) {
            RepeatableStore.Applied row = ran.get(r.name());
            RepeatableStatus.State state = row == null ? RepeatableStatus.State.PENDING
                    : row.checksum().equals(r.checksum()) ? RepeatableStatus.State.APPLIED : RepeatableStatus.State.CHANGED;
            lines.add(new RepeatableLine(r.name(), r.description(), r.resource(), state, row == null ? null : row.installedOn(),
                    row == null ? null : row.installedBy()));
        }
        return lines;
    }

    /** What reports add when the log does not exist: nothing on a database Cairn never touched. */
    private static String logMissing(HistoryStore history, boolean hasHistory) {
        return !hasHistory ? "" : "The log table " + history.logTable() + " does not exist (dropped or renamed?): there is"
                + " no record of what ran, failed or was interrupted. Cairn creates it again, empty, at the next migrate"
                + " that has work to do, baseline or repair.";
    }

    private static boolean recordsApplied(LogEntry entry) {
        return entry != null && (entry.action() == LogAction.APPLY || entry.action() == LogAction.BASELINE);
    }

    private static String name(MigrationVersion version, String description, String className) {
        return version + " \"" + description + "\"" + (className.isEmpty() ? "" : " (" + className + ")");
    }

    private static Line line(StatusLine status, Kind kind, String problem) {
        return new Line(status, kind == null ? null : new ValidationResult.Difference(kind, status.version(),
                name(status.version(), status.description(), status.className()) + problem));
    }

    private static Line applied(MigrationDescriptor m, AppliedMigration a) {
        Checksums.Comparison checksum = Checksums.compare(a.checksum(), m.checksum());
        if (checksum == Checksums.Comparison.DRIFTED || checksum == Checksums.Comparison.MALFORMED) {
            String detail = Checksums.difference(a.checksum(), m.checksum());
            return line(new StatusLine(m.version(), m.description(), m.className(), MigrationState.CHECKSUM_CHANGED,
                    a.installedOn(), a.installedBy(), detail), Kind.CHECKSUM_CHANGED, checksum == Checksums.Comparison.DRIFTED
                            ? " changed after it was applied (" + detail + "); revert the change and put it in a new migration,"
                                    + " or run repair if the database already matches it."
                            : " has a checksum Cairn cannot compare: " + detail + "; if the database has this migration's"
                                    + " changes, run repair to record this build's checksum.");
        }
        return line(new StatusLine(m.version(), m.description(), m.className(), MigrationState.APPLIED, a.installedOn(),
                a.installedBy(), checksum == Checksums.Comparison.SAME ? "" : Checksums.notComparedNote(a.checksum())), null, "");
    }

    /** A version with more rows than one, which no command that writes accepts. */
    private static Line duplicate(MigrationVersion version, String description, String className, List<AppliedMigration> rows,
            String buildChecksum) {
        String detail = "recorded " + rows.size() + " times in the history table, "
                + String.join(" and ", rows.stream().map(AppliedMigration::describe).toList())
                + (buildChecksum == null ? "" : ", while this build's checksum is " + buildChecksum)
                + "; delete the row that should not be there by hand, then run repair";
        AppliedMigration first = rows.get(0);
        return line(new StatusLine(version, description, className, MigrationState.DUPLICATE, first.installedOn(),
                first.installedBy(), detail), Kind.DUPLICATE, " is " + detail + ".");
    }

    private static Line unknown(AppliedMigration a) {
        return line(new StatusLine(a.version(), a.description(), "", MigrationState.UNKNOWN, a.installedOn(), a.installedBy(),
                "applied, but this build does not know it (a newer build's, or another migration set's that shares this"
                        + " history table?)"), Kind.UNKNOWN_APPLIED, " is applied but unknown to this build; deploy the build"
                                + " that has it, or if another migration set records its migrations in this history table,"
                                + " give each set its own historyTable and logTable.");
    }

    /**
     * A migration the log records as applied but the history table has no row for: the row was
     * deleted by hand. Whether its changes are still in the database only a person can tell.
     *
     * @param trusted whether the state table still says the plan is fully applied, so that
     *     migrate would not look until repair clears it
     */
    private Line forgotten(MigrationDescriptor m, LogEntry last, Optional<MigrationVersion> newest,
            Map<MigrationVersion, AppliedMigration> applied, Set<MigrationVersion> forgotten, boolean trusted) {
        // Baseline records everything pending up to its version; say so when that is more than forgotten rows.
        List<String> alsoMarked = plan.pending(applied.keySet(), m.version()).stream()
                .map(MigrationDescriptor::version).filter(v -> !forgotten.contains(v)).map(MigrationVersion::toString).toList();
        String detail = "the log records it applied (" + last.action() + " on " + last.loggedOn() + " by " + last.loggedBy()
                + "), but the history table has no row for it; if the database still has its changes, run baseline "
                + m.version() + " to record it without running it"
                + (alsoMarked.isEmpty() ? "" : " (which also records " + String.join(", ", alsoMarked) + " without running"
                        + (alsoMarked.size() == 1 ? " it: apply it" : " them: apply them") + " first)")
                + "; if not, " + (trusted ? "run repair, then migrate to apply it again (until repair, the state table says"
                        + " this build is fully applied, so migrate does not look)" : "migrate applies it again");
        MigrationState state = newest.isPresent() && m.version().compareTo(newest.get()) < 0
                ? MigrationState.OUT_OF_ORDER : MigrationState.PENDING;
        return line(new StatusLine(m.version(), m.description(), m.className(), state, null, null, detail), Kind.PENDING,
                " is not applied: " + detail + ".");
    }

    private static Line pending(MigrationDescriptor m, LogEntry attempt, Optional<MigrationVersion> newest,
            AttemptOutcome.SessionCheck sessions) {
        if (attempt != null && !m.transactional()) {
            return openNonTransactional(m, attempt, sessions);
        }
        if (attempt != null) {
            String detail = "failed " + attempt.loggedOn() + ": " + attempt.detail();
            return line(new StatusLine(m.version(), m.description(), m.className(), MigrationState.FAILED, null, null, detail),
                    Kind.FAILED, " " + detail + "; fix it and run migrate again.");
        }
        MigrationState state = MigrationState.PENDING;
        String detail = "";
        if (newest.isPresent() && m.version().compareTo(newest.get()) < 0) {
            state = MigrationState.OUT_OF_ORDER;
            detail = "older than the newest applied migration " + newest.get();
        }
        return line(new StatusLine(m.version(), m.description(), m.className(), state, null, null, detail), Kind.PENDING,
                " is not applied" + (detail.isEmpty() ? "" : " (" + detail + ")") + "; run migrate.");
    }

    /** {@code line} of a data migration that set rows aside, saying how many and where. */
    private static Line withQuarantined(Line line, long rows, DataTables data) {
        MigrationStatus s = line.status();
        String note = rows + (rows == 1 ? " row" : " rows") + " set aside in " + data.quarantineTable();
        return new Line(new StatusLine(s.version(), s.description(), s.className(), s.state(), s.installedOn(), s.installedBy(),
                s.detail().isEmpty() ? note : s.detail() + "; " + note), line.problem());
    }

    /** A data migration with checkpoints: running right now, or stopped part-way and resumable. */
    private static Line inProgress(MigrationDescriptor m, LogEntry attempt, DataTables.RunState run,
            AttemptOutcome.SessionCheck sessions) {
        if (AttemptOutcome.of(attempt, false, sessions) == AttemptOutcome.RUNNING) {
            return running(m, run.describe() + " (" + attempt.detail() + ")");
        }
        return line(new StatusLine(m.version(), m.description(), m.className(), MigrationState.IN_PROGRESS, null, null,
                run.describe()), Kind.PENDING, " is " + run.describe() + ".");
    }

    /** A transactional migration whose transaction another session has open right now. */
    private static Line running(MigrationDescriptor m, String who) {
        String detail = "running right now: " + who;
        return line(new StatusLine(m.version(), m.description(), m.className(), MigrationState.RUNNING, null, null, detail),
                Kind.PENDING, " is being run right now (" + who + "); wait for it.");
    }

    /** A non-transactional migration with an open attempt: running right now, or maybe half applied. */
    private static Line openNonTransactional(MigrationDescriptor m, LogEntry attempt, AttemptOutcome.SessionCheck sessions) {
        // Read without the lock, so whatever the database, only the run's process can tell.
        AttemptOutcome outcome = AttemptOutcome.of(attempt, false, sessions);
        String run = "last run, started " + attempt.loggedOn() + ", " + outcome.whatHappened(attempt);
        if (outcome == AttemptOutcome.RUNNING) {
            return line(new StatusLine(m.version(), m.description(), m.className(), MigrationState.RUNNING, null, null, run),
                    Kind.PENDING, " is being run right now (" + run + "); wait for it.");
        }
        String detail = run + (outcome == AttemptOutcome.ON_ANOTHER_HOST ? "; if it is not running any more, it" : "; it")
                + " may be half applied: fix by hand, then run repair";
        return line(new StatusLine(m.version(), m.description(), m.className(), MigrationState.INTERRUPTED, null, null, detail),
                Kind.INTERRUPTED, " " + detail + ".");
    }
}
