package dev.cairn.runtime.internal.report;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.ExecutedRepeatable;
import dev.cairn.runtime.MigrationReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The engine's {@link MigrationReport}. */
public record MigrateResult(String database, List<ExecutedMigration> applied, Duration duration, Optional<Path> backup,
        Optional<MigrationVersion> target, boolean targetOnly, List<ExecutedRepeatable> repeatables, List<MigrationVersion> adopted)
        implements MigrationReport {

    public MigrateResult {
        Objects.requireNonNull(database, "database");
        applied = List.copyOf(applied);
        repeatables = List.copyOf(repeatables);
        adopted = List.copyOf(adopted);
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(target, "target");
    }

    @Override
    public String toString() {
        return summary();
    }
}
