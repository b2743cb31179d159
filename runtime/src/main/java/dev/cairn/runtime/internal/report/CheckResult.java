package dev.cairn.runtime.internal.report;

import dev.cairn.runtime.ConditionsReport;

/** The engine's {@link ConditionsReport.Check}. */
public record CheckResult(String name, boolean passed, String expected, String found) implements ConditionsReport.Check {
}
