package dev.cairn.runtime.internal.report;

import dev.cairn.runtime.MigrationStatus;
import dev.cairn.runtime.RepeatableStatus;
import dev.cairn.runtime.StatusReport;
import java.util.List;

/**
 * The engine's {@link StatusReport}.
 *
 * @param note what the summary adds about the database as a whole (a missing log table), or empty
 */
public record StatusResult(String database, List<MigrationStatus> migrations, String note, List<RepeatableStatus> repeatables)
        implements StatusReport {

    public StatusResult {
        migrations = List.copyOf(migrations);
        repeatables = List.copyOf(repeatables);
    }

    @Override
    public String summary() {
        return StatusReport.super.summary() + (note.isEmpty() ? "" : "\n" + note);
    }

    @Override
    public String toString() {
        return summary();
    }
}
