package dev.cairn.runtime.internal.report;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ValidationReport;
import java.util.List;

/** The engine's {@link ValidationReport}. */
public record ValidationResult(String database, List<Problem> problems) implements ValidationReport {

    public ValidationResult {
        problems = List.copyOf(problems);
    }

    /** The engine's {@link ValidationReport.Problem}. */
    public record Difference(Kind kind, MigrationVersion version, String message) implements Problem {
    }

    @Override
    public String toString() {
        return summary();
    }
}
