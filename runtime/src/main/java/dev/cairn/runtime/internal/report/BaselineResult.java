package dev.cairn.runtime.internal.report;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.BaselineReport;
import java.util.List;

/** The engine's {@link BaselineReport}. */
public record BaselineResult(String database, MigrationVersion baseline, List<MigrationVersion> marked) implements BaselineReport {

    public BaselineResult {
        marked = List.copyOf(marked);
    }

    @Override
    public String toString() {
        return summary();
    }
}
