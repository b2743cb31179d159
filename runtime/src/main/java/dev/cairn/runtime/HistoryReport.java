package dev.cairn.runtime;

import java.util.List;

/**
 * The audit log of a database: every apply, rollback, failure, baseline and repair, oldest first.
 */
public interface HistoryReport extends Report {

    /** The log rows, oldest first; empty if nothing was ever run. */
    List<LogEntry> entries();

    /**
     * The repeatable migrations of the build that ran, each as it last ran: the log records versions,
     * so a repeatable migration's earlier runs are not kept.
     */
    default List<RepeatableStatus> repeatables() {
        return List.of();
    }

    /** A table for humans, one line per entry. */
    @Override
    default String summary() {
        StringBuilder text = new StringBuilder("History of ").append(database()).append(": ")
                .append(entries().size()).append(entries().size() == 1 ? " entry" : " entries");
        entries().forEach(entry -> text.append("\n  ").append(entry.summary()));
        if (!repeatables().isEmpty()) {
            text.append("\nRepeatable migrations, as they last ran:");
            repeatables().forEach(r -> text.append("\n  ").append(r.installedOn()).append("  ").append(r.name()).append(" (")
                    .append(r.resource()).append(", ").append(r.installedBy()).append(")")
                    .append(r.state() == RepeatableStatus.State.CHANGED ? ", changed since: the next migrate runs it again" : ""));
        }
        return text.toString();
    }
}
