package dev.cairn.runtime.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ConditionsReport;
import dev.cairn.runtime.ConditionsReport.Checked;
import dev.cairn.runtime.ConditionsReport.Outcome;
import dev.cairn.runtime.ConditionsReport.Phase;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.LogAction;
import dev.cairn.runtime.LogEntry;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.data.DataMigration;
import dev.cairn.runtime.internal.conditions.ConditionFailed;
import dev.cairn.runtime.internal.conditions.Conditions;
import dev.cairn.runtime.internal.history.HistoryStore;
import dev.cairn.runtime.internal.report.ConditionsResult;
import dev.cairn.runtime.internal.report.ConditionsResult.CheckedMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code checkConditions}: the preconditions of pending migrations whose prerequisites are applied
 * (unless a last run that did not finish may have left part of their changes) and the
 * postconditions of applied ones that no applied migration builds on, each migration's in a transaction of its own that is
 * rolled back, on a connection that refuses to end it. Like {@code status} it takes no lock and
 * creates nothing: it writes nothing, so it needs no lock to keep others out, and it works on a
 * read-only database or replica, where a gate before a deployment may run it; on SQLite the lock
 * would be the write lock, holding the application's writers up while the checks run. What it
 * sees is what was committed when each check ran.
 */
final class ConditionsCommand {

    private final Plan plan;

    ConditionsCommand(Plan plan) {
        this.plan = plan;
    }

    /** @param only the one migration to check, or {@code null} for all */
    ConditionsReport check(Session session, MigrationVersion only) throws SQLException {
        HistoryStore history = session.history();
        Connection connection = session.connection();
        // Read without creating anything on a database Cairn never touched.
        Set<MigrationVersion> applied = history.exists(connection)
                ? HistoryStore.byVersion(history.readRows(connection)).keySet() : Set.of();
        Map<MigrationVersion, LogEntry> unfinished = history.logExists(connection) ? history.openAttempts(connection) : Map.of();
        List<Checked> results = new ArrayList<>();
        for (MigrationDescriptor m : only == null ? plan.all() : List.of(plan.require(only))) {
            Optional<MigrationVersion> builtOn = appliedDependent(m, applied);
            results.add(builtOn.isPresent() ? notChecked(m, Phase.POSTCONDITIONS, builtOn.get() + ", applied, depends on it and"
                    + " may have changed what its postconditions check, which hold right after its up(); check it in a test, or"
                    + " check " + builtOn.get() + " instead.") : check(session, m, applied, unfinished.get(m.version())));
        }
        return new ConditionsResult(session.database(), results);
    }

    /**
     * An applied migration that depends on {@code m}, itself applied: then what {@code m}'s
     * postconditions check may since have changed by design (agentdb's attribute addition, whose
     * attribute the promotion after it moves to a column), and their failure would say nothing.
     */
    private Optional<MigrationVersion> appliedDependent(MigrationDescriptor m, Set<MigrationVersion> applied) {
        if (!applied.contains(m.version())) {
            return Optional.empty();
        }
        return plan.all().stream().filter(other -> applied.contains(other.version()) && other.dependsOn().contains(m.version()))
                .map(MigrationDescriptor::version).findFirst();
    }

    /** @param unfinished the migration's last attempt, if it failed or was interrupted */
    private static Checked check(Session session, MigrationDescriptor m, Set<MigrationVersion> applied, LogEntry unfinished)
            throws SQLException {
        Phase phase = applied.contains(m.version()) ? Phase.POSTCONDITIONS : Phase.PRECONDITIONS;
        List<String> waiting = m.dependsOn().stream().filter(v -> !applied.contains(v)).map(MigrationVersion::toString).toList();
        if (phase == Phase.PRECONDITIONS && !waiting.isEmpty()) {
            return notChecked(m, Phase.PRECONDITIONS, "it depends on " + String.join(", ", waiting) + ", not applied yet, whose changes its"
                    + " preconditions may need.");
        }
        JavaMigration step;
        try {
            step = m.newStep();
        } catch (RuntimeException e) {
            return new CheckedMigration(m.version(), m.description(), m.className(), phase, Outcome.FAILED, List.of(),
                    "Cairn could not create " + m.className() + " to run its " + ConditionFailed.method(phase) + ": " + e);
        }
        if (phase == Phase.PRECONDITIONS && unfinished != null && mayBePartlyDone(m, step, unfinished)) {
            return notChecked(m, Phase.PRECONDITIONS, "its last run did not finish (it failed or was interrupted part way, or is running right"
                    + " now: status tells), so the database may hold part of its changes, which its preconditions do not"
                    + " expect.");
        }
        return inRolledBackTransaction(session, m, step, phase);
    }

    /**
     * Whether an unfinished attempt may have left changes: one still marked running, a
     * non-transactional one, or a data migration, which commits batch by batch; a transactional
     * migration's failure was rolled back.
     */
    private static boolean mayBePartlyDone(MigrationDescriptor m, JavaMigration step, LogEntry unfinished) {
        return unfinished.action() == LogAction.RUNNING || !m.transactional() || step instanceof DataMigration;
    }

    private static Checked notChecked(MigrationDescriptor m, Phase phase, String why) {
        return new CheckedMigration(m.version(), m.description(), m.className(), phase, Outcome.NOT_CHECKED,
                List.of(), why);
    }

    private static Checked inRolledBackTransaction(Session session, MigrationDescriptor m, JavaMigration step, Phase phase)
            throws SQLException {
        Connection connection = session.connection();
        StepGuard guard = new StepGuard(m);
        guard.running(ConditionFailed.method(phase));
        connection.setAutoCommit(false);
        try {
            return Conditions.check(step, phase, GuardedConnection.of(connection, guard), session.support().database(), m);
        } finally {
            guard.end();
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }
}
