package dev.cairn.runtime.internal.report;

import dev.cairn.runtime.HistoryReport;
import dev.cairn.runtime.LogEntry;
import dev.cairn.runtime.RepeatableStatus;
import java.util.List;

/**
 * The engine's {@link HistoryReport}.
 *
 * @param note what the summary adds about the database as a whole (a missing log table), or empty
 */
public record HistoryResult(String database, List<LogEntry> entries, String note, List<RepeatableStatus> repeatables)
        implements HistoryReport {

    public HistoryResult {
        entries = List.copyOf(entries);
        repeatables = List.copyOf(repeatables);
    }

    @Override
    public String summary() {
        return HistoryReport.super.summary() + (note.isEmpty() ? "" : "\n" + note);
    }

    @Override
    public String toString() {
        return summary();
    }
}
