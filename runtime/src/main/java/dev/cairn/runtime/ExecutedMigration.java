package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One migration that a command ran (applied, rolled back, or ran in a dry run).
 *
 * @param version the migration's version
 * @param description what it does
 * @param className the migration class
 * @param duration how long it took
 * @param outOfOrder whether it was applied after a newer migration had already been applied
 * @param statements the statements it ran through its {@link MigrationContext}, in order
 * @param foreignKeysOff whether it ran with SQLite's foreign key enforcement switched off, as a
 *     migration that rebuilds a table does (see {@link MigrationContext#rebuildTable})
 */
public record ExecutedMigration(
        MigrationVersion version,
        String description,
        String className,
        Duration duration,
        boolean outOfOrder,
        List<String> statements,
        boolean foreignKeysOff) {

    public ExecutedMigration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(duration, "duration");
        statements = List.copyOf(statements);
    }

    /** One line for humans: {@code 3 "Promote timeout" (12 ms, out of order)}. */
    public String summary() {
        return version + " \"" + description + "\" (" + duration.toMillis() + " ms" + (outOfOrder ? ", out of order" : "") + ")";
    }
}
