package dev.cairn.runtime.internal.report;

import dev.cairn.runtime.DryRunReport;
import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.MigrationDescriptor;
import java.util.List;

/** The engine's {@link DryRunReport}. */
public record DryRunResult(String database, List<ExecutedMigration> wouldApply, List<MigrationDescriptor> notRun) implements DryRunReport {

    public DryRunResult {
        wouldApply = List.copyOf(wouldApply);
        notRun = List.copyOf(notRun);
    }

    @Override
    public String toString() {
        return isUpToDate() ? summary() : toSqlScript();
    }
}
