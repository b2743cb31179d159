package dev.cairn.runtime;

import java.time.Duration;
import java.util.List;

/**
 * What {@link Migrator#rollback} or {@link Migrator#rollbackTo} did: the migrations undone, in the
 * order they were undone (reverse plan order).
 *
 * @param database the database, described without credentials
 * @param rolledBack the migrations undone, in order
 * @param duration how long the command took
 */
public record RollbackReport(String database, List<ExecutedMigration> rolledBack, Duration duration) implements Report {

    public RollbackReport {
        rolledBack = List.copyOf(rolledBack);
    }

    /** A few lines for humans. */
    public String summary() {
        if (rolledBack.isEmpty()) {
            return "Nothing to roll back on " + database + ".";
        }
        StringBuilder text = new StringBuilder("Rolled back ").append(rolledBack.size())
                .append(rolledBack.size() == 1 ? " migration" : " migrations").append(" on ").append(database).append(':');
        rolledBack.forEach(step -> text.append("\n  ").append(step.summary()));
        return text.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
