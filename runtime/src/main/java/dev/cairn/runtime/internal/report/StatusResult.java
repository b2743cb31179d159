package dev.cairn.runtime.internal.report;

import dev.cairn.runtime.MigrationStatus;
import dev.cairn.runtime.StatusReport;
import java.util.List;

/** The engine's {@link StatusReport}. */
public record StatusResult(String database, List<MigrationStatus> migrations) implements StatusReport {

    public StatusResult {
        migrations = List.copyOf(migrations);
    }

    @Override
    public String toString() {
        return summary();
    }
}
