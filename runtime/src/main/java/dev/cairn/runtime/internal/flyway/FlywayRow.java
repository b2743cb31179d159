package dev.cairn.runtime.internal.flyway;

import java.time.Instant;

/**
 * One row of Flyway's history table, as Flyway 9 to 13 write it.
 *
 * @param version the version, or null for a repeatable migration and Flyway's own rows
 * @param type {@code SQL}, {@code JDBC}, {@code BASELINE}, {@code SCHEMA}, {@code DELETE}, {@code UNDO_SQL}...
 * @param script the file name, such as {@code V2__add_users.sql}
 * @param checksum Flyway's checksum of the file, or null where Flyway records none
 */
public record FlywayRow(int installedRank, String version, String description, String type, String script, Integer checksum,
        String installedBy, Instant installedOn, long executionMs, boolean success) {

    /** How messages name it: {@code version 2 (V2__add_users.sql, installed_rank 3)}. */
    public String named() {
        return (version == null ? "" : "version " + version + " ") + "(" + script + ", installed_rank " + installedRank + ")";
    }
}
