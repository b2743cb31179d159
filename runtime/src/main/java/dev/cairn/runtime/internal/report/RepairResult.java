package dev.cairn.runtime.internal.report;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.RepairReport;
import java.util.List;

/** The engine's {@link RepairReport}. */
public record RepairResult(String database, List<MigrationVersion> checksumsAccepted, List<MigrationVersion> failuresCleared) implements RepairReport {

    public RepairResult {
        checksumsAccepted = List.copyOf(checksumsAccepted);
        failuresCleared = List.copyOf(failuresCleared);
    }

    @Override
    public String toString() {
        return summary();
    }
}
