package dev.cairn.runtime;

import java.util.List;

/**
 * The audit log of a database: every apply, rollback, failure, baseline and repair, oldest first.
 *
 * @param database the database, described without credentials
 * @param entries the log rows, oldest first; empty if nothing was ever run
 */
public record HistoryReport(String database, List<LogEntry> entries) implements Report {

    public HistoryReport {
        entries = List.copyOf(entries);
    }

    /** A table for humans, one line per entry. */
    public String summary() {
        StringBuilder text = new StringBuilder("History of ").append(database).append(": ")
                .append(entries.size()).append(entries.size() == 1 ? " entry" : " entries");
        entries.forEach(entry -> text.append("\n  ").append(entry.summary()));
        return text.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
