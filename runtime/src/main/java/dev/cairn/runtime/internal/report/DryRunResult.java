package dev.cairn.runtime.internal.report;

import dev.cairn.runtime.DryRunReport;
import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.ExecutedRepeatable;
import dev.cairn.runtime.MigrationDescriptor;
import java.util.List;

/** The engine's {@link DryRunReport}. */
public record DryRunResult(String database, List<ExecutedMigration> wouldApply, List<MigrationDescriptor> notRun,
        List<ExecutedRepeatable> repeatables) implements DryRunReport {

    public DryRunResult {
        wouldApply = List.copyOf(wouldApply);
        repeatables = List.copyOf(repeatables);
        notRun = List.copyOf(notRun);
    }

    /** A dry run without repeatable migrations to try. */
    public DryRunResult(String database, List<ExecutedMigration> wouldApply, List<MigrationDescriptor> notRun) {
        this(database, wouldApply, notRun, List.of());
    }

    @Override
    public String toString() {
        return isUpToDate() ? summary() : toSqlScript();
    }
}
