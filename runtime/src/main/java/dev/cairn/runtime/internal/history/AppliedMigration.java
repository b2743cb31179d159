package dev.cairn.runtime.internal.history;

import dev.cairn.MigrationVersion;
import java.time.Instant;

/**
 * One row of the history table: a migration that is applied.
 *
 * @param storedVersion the version exactly as stored, the row's key
 * @param version the parsed version
 * @param description its description when applied
 * @param checksum its checksum when applied
 * @param installedOn when it was applied
 * @param installedBy who applied it
 * @param executionMs how long it took
 */
public record AppliedMigration(
        String storedVersion,
        MigrationVersion version,
        String description,
        String checksum,
        Instant installedOn,
        String installedBy,
        long executionMs)  {

    /** The row as a message shows it: {@code "2.0" (applied 2026-01-01T00:00:00Z by ops, checksum src1:...)}. */
    public String describe() {
        return "\"" + storedVersion + "\" (applied " + installedOn + " by " + installedBy + ", checksum " + checksum + ")";
    }

    /** The same row after repair accepted {@code newChecksum}. */
    public AppliedMigration withChecksum(String newChecksum) {
        return new AppliedMigration(storedVersion, version, description, newChecksum, installedOn, installedBy, executionMs);
    }
}
