package dev.cairn.runtime.internal.report;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ExecutedMigration;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The engine's {@link ExecutedMigration}. */
public record ExecutedStep(MigrationVersion version, String description, String className, Duration duration,
        boolean outOfOrder, List<String> statements, long statementCount, boolean foreignKeysOff) implements ExecutedMigration {

    public ExecutedStep {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(duration, "duration");
        statements = List.copyOf(statements);
    }

    @Override
    public String toString() {
        return summary();
    }
}
