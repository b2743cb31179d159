package dev.cairn.runtime;

import java.time.Duration;
import java.util.List;

/**
 * What {@link Migrator#rollback} or {@link Migrator#rollbackTo} did: the migrations undone, in the
 * order they were undone (reverse plan order).
 */
public interface RollbackReport extends Report {

    /** The migrations undone, in order. */
    List<ExecutedMigration> rolledBack();

    /** How long the command took. */
    Duration duration();

    /** A few lines for humans. */
    @Override
    default String summary() {
        if (rolledBack().isEmpty()) {
            return "Nothing to roll back on " + database() + ".";
        }
        StringBuilder text = new StringBuilder("Rolled back ").append(rolledBack().size())
                .append(rolledBack().size() == 1 ? " migration" : " migrations").append(" on ").append(database()).append(':');
        rolledBack().forEach(step -> text.append("\n  ").append(step.summary()));
        return text.toString();
    }
}
