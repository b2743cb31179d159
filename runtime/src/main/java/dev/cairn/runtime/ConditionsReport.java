package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import java.util.List;

/**
 * What {@link Migrator#checkConditions()} found: for each migration, in plan order, whether its
 * conditions hold on the database as it is, checked in a transaction that was rolled back.
 * A pending migration is judged by its {@linkplain JavaMigration#preconditions preconditions},
 * once every migration it depends on is applied; an applied one by its
 * {@linkplain JavaMigration#postconditions postconditions}, unless an applied migration depends on
 * it and so may have changed by design what they check.
 */
public interface ConditionsReport extends Report {

    /** Every migration of the build (or the one asked for), in plan order. */
    List<Checked> migrations();

    /** Which of a migration's conditions were checked. */
    enum Phase {
        /** Those of a pending migration: what {@code up()} needs. */
        PRECONDITIONS,
        /** Those of an applied migration: what {@code up()} promised. */
        POSTCONDITIONS,
    }

    /** How a migration's conditions came out. */
    enum Outcome {
        /** Every check passed (a migration without conditions passes with none). */
        PASSED,
        /** A check failed, or could not run; the checks after it in the same method did not run. */
        FAILED,
        /**
         * Not checked: a pending migration that depends on one not applied, whose changes its
         * preconditions may need, or whose last run did not finish and may have left part of its
         * changes (a non-transactional or data migration that failed, was interrupted, or is
         * running); or an applied migration that an applied one depends on, which may have
         * changed what its postconditions check.
         */
        NOT_CHECKED,
    }

    /** One migration's conditions. */
    interface Checked {

        /** The migration. */
        MigrationVersion version();

        /** Its description. */
        String description();

        /** Its class. */
        String className();

        /** Which of its conditions: by whether it is applied. */
        Phase phase();

        /** How they came out. */
        Outcome outcome();

        /** Each check that ran, in order; a failed one is the last. */
        List<Check> checks();

        /**
         * Why it was not checked, or why it failed, for humans: the failed check with what it
         * expected and found, or the error of a check that could not run; empty when it passed.
         */
        String detail();
    }

    /** One check. */
    interface Check {

        /** What it checks: {@code "column planners.conversation_context is missing"}. */
        String name();

        /** Whether it passed. */
        boolean passed();

        /** What it expected; empty for a check written with {@link Checks#that}. */
        String expected();

        /** What it found. */
        String found();
    }

    /** Whether no migration's conditions failed (some may not have been checked). */
    default boolean allPassed() {
        return migrations().stream().noneMatch(m -> m.outcome() == Outcome.FAILED);
    }

    /** The migrations whose conditions failed, in plan order. */
    default List<Checked> failed() {
        return migrations().stream().filter(m -> m.outcome() == Outcome.FAILED).toList();
    }

    /** A line for each migration, and one for each of its checks. */
    @Override
    default String summary() {
        long failed = failed().size();
        StringBuilder text = new StringBuilder("Conditions of ").append(migrations().size())
                .append(migrations().size() == 1 ? " migration on " : " migrations on ").append(database()).append(": ")
                .append(failed == 0 ? "none failed" : failed + " failed").append(". Nothing was changed.");
        migrations().forEach(m -> text.append("\n  ").append(lines(m)));
        if (failed().stream().anyMatch(m -> m.phase() == Phase.POSTCONDITIONS)) {
            text.append("\nA postcondition of an applied migration can also fail because a later migration changed what it"
                    + " checks.");
        }
        return text.toString();
    }

    /** A migration's line, then one for each check and, if it failed other than by a check, why. */
    private static String lines(Checked m) {
        String heading = m.version() + " \"" + m.description() + "\" ";
        if (m.outcome() == Outcome.NOT_CHECKED) {
            return heading + "not checked: " + m.detail();
        }
        StringBuilder text = new StringBuilder(heading)
                .append(m.phase() == Phase.PRECONDITIONS ? "(pending), preconditions " : "(applied), postconditions ")
                .append(m.outcome() == Outcome.PASSED ? "passed" : "FAILED")
                .append(m.checks().isEmpty() && m.outcome() == Outcome.PASSED ? " (it has none)" : "");
        m.checks().forEach(c -> text.append("\n      ").append(line(c)));
        boolean failedByACheck = !m.checks().isEmpty() && !m.checks().get(m.checks().size() - 1).passed();
        if (m.outcome() == Outcome.FAILED && !failedByACheck) {
            text.append("\n      ").append(m.detail());
        }
        return text.toString();
    }

    private static String line(Check c) {
        return (c.passed() ? "passed  " : "FAILED  ") + c.name() + ": "
                + (c.passed() || c.expected().isEmpty() ? "" : "expected " + c.expected() + "; ") + "found " + c.found();
    }
}
