package dev.cairn.runtime.internal.report;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ValidationReport;
import java.util.List;

/**
 * The engine's {@link ValidationReport}.
 *
 * @param note what the summary adds about the database as a whole (a missing log table), or empty
 */
public record ValidationResult(String database, List<Problem> problems, String note) implements ValidationReport {

    public ValidationResult {
        problems = List.copyOf(problems);
    }

    /** The engine's {@link ValidationReport.Problem}. */
    public record Difference(Kind kind, MigrationVersion version, String message) implements Problem {
    }

    @Override
    public String summary() {
        return ValidationReport.super.summary() + (note.isEmpty() ? "" : "\n" + note);
    }

    @Override
    public String toString() {
        return summary();
    }
}
