package dev.cairn.runtime.internal.report;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ConditionsReport;
import java.util.List;

/** The engine's {@link ConditionsReport}. */
public record ConditionsResult(String database, List<Checked> migrations) implements ConditionsReport {

    public ConditionsResult {
        migrations = List.copyOf(migrations);
    }

    /** The engine's {@link ConditionsReport.Checked}. */
    public record CheckedMigration(MigrationVersion version, String description, String className, Phase phase, Outcome outcome,
            List<Check> checks, String detail) implements Checked {

        public CheckedMigration {
            checks = List.copyOf(checks);
        }
    }

    @Override
    public String toString() {
        return summary();
    }
}
