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

    /** The statements it ran through its {@link MigrationContext}, in order. */
    List<String> statements();

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
