package dev.cairn.runtime.internal.report;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.LogAction;
import dev.cairn.runtime.LogEntry;
import java.time.Instant;

/** The engine's {@link LogEntry}. */
public record LogRow(long id, MigrationVersion version, String description, LogAction action, String checksum,
        Instant loggedOn, String loggedBy, long executionMs, String detail) implements LogEntry {
}
