package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import java.time.Instant;

/**
 * One row of the audit log ({@code cairn_log}), as {@link Migrator#history()} returns it.
 *
 * @param id the row's position in the log
 * @param version the migration concerned
 * @param description the migration's description
 * @param action what happened
 * @param checksum the migration's checksum at the time
 * @param loggedOn when it happened
 * @param loggedBy who did it
 * @param executionMs how long it took, in milliseconds
 * @param detail the error of a failure, the direction of a running marker, or empty
 */
public record LogEntry(
        long id,
        MigrationVersion version,
        String description,
        LogAction action,
        String checksum,
        Instant loggedOn,
        String loggedBy,
        long executionMs,
        String detail) {

    /** One line for humans. */
    public String summary() {
        return String.format("%s  %-9s %-12s %s (%d ms, %s)%s", loggedOn, action, version, description, executionMs,
                loggedBy, detail.isEmpty() ? "" : "\n      " + detail);
    }
}
