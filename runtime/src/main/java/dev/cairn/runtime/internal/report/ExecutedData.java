package dev.cairn.runtime.internal.report;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.data.ExecutedDataMigration;
import dev.cairn.runtime.internal.data.DataOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The engine's {@link ExecutedDataMigration}. */
public record ExecutedData(MigrationVersion version, String description, String className, Duration duration,
        boolean outOfOrder, List<String> statements, long statementCount, DataOutcome outcome) implements ExecutedDataMigration {

    public ExecutedData {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
        statements = List.copyOf(statements);
    }

    @Override
    public boolean foreignKeysOff() {
        return false;
    }

    @Override
    public long rowsProcessed() {
        return outcome.rows();
    }

    @Override
    public long rowsQuarantined() {
        return outcome.quarantined();
    }

    @Override
    public long batches() {
        return outcome.batches();
    }

    @Override
    public long rowsWritten() {
        return outcome.written();
    }

    @Override
    public long resumedFrom() {
        return outcome.resumedFrom();
    }

    @Override
    public Optional<Duration> estimatedDuration() {
        return outcome.estimated();
    }

    @Override
    public String toString() {
        return summary();
    }
}
