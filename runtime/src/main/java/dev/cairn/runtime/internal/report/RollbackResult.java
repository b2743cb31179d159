package dev.cairn.runtime.internal.report;

import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.RollbackReport;
import java.time.Duration;
import java.util.List;

/** The engine's {@link RollbackReport}. */
public record RollbackResult(String database, List<ExecutedMigration> rolledBack, Duration duration) implements RollbackReport {

    public RollbackResult {
        rolledBack = List.copyOf(rolledBack);
    }

    @Override
    public String toString() {
        return summary();
    }
}
