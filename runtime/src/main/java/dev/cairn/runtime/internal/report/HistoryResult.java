package dev.cairn.runtime.internal.report;

import dev.cairn.runtime.HistoryReport;
import dev.cairn.runtime.LogEntry;
import java.util.List;

/** The engine's {@link HistoryReport}. */
public record HistoryResult(String database, List<LogEntry> entries) implements HistoryReport {

    public HistoryResult {
        entries = List.copyOf(entries);
    }

    @Override
    public String toString() {
        return summary();
    }
}
