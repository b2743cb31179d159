package dev.cairn.runtime;

import java.util.List;

/**
 * The audit log of a database: every apply, rollback, failure, baseline and repair, oldest first.
 */
public interface HistoryReport extends Report {

    /** The log rows, oldest first; empty if nothing was ever run. */
    List<LogEntry> entries();

    /** A table for humans, one line per entry. */
    @Override
    default String summary() {
        StringBuilder text = new StringBuilder("History of ").append(database()).append(": ")
                .append(entries().size()).append(entries().size() == 1 ? " entry" : " entries");
        entries().forEach(entry -> text.append("\n  ").append(entry.summary()));
        return text.toString();
    }
}
