/**
 * Adopting a database that Flyway migrated: reading Flyway's history table (never writing it),
 * Flyway's own checksum of a file, and what of that history Cairn can take over as applied.
 */
package dev.cairn.runtime.internal.flyway;
