package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import java.time.Duration;
import java.util.List;

/** One migration that a command ran: applied, rolled back, or ran in a dry run. */
public interface ExecutedMigration {

    /** The migration's version. */
    MigrationVersion version();

    /** What it does. */
    String description();

    /** The migration class. */
    String className();

    /** How long it took. */
    Duration duration();

    /** Whether it was applied after a newer migration had already been applied. */
    boolean outOfOrder();

    /**
     * The last statements it ran through its {@link MigrationContext}, in order: at most the last
     * 50, so that a long data migration does not fill the memory with them; in a
     * {@linkplain Migrator#dryRun() dry run}, every one, as its script needs. Values bound as
     * parameters show as SQL literals where they have one; binary values show only their length,
     * and outside a dry run, text longer than 200 characters is cut short.
     */
    List<String> statements();

    /** How many statements it ran through its {@link MigrationContext}, including those {@link #statements()} left out. */
    long statementCount();

    /**
     * Whether it ran with SQLite's foreign key enforcement switched off, as a migration that
     * rebuilds a table does (see {@link MigrationContext#rebuildTable}).
     */
    boolean foreignKeysOff();

    /** One line for humans: {@code 3 "Promote timeout" (12 ms, out of order)}. */
    default String summary() {
        return version() + " \"" + description() + "\" (" + duration().toMillis() + " ms"
                + (outOfOrder() ? ", out of order" : "") + ")";
    }
}
