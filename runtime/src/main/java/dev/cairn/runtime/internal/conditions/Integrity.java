package dev.cairn.runtime.internal.conditions;

import dev.cairn.runtime.Database;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import java.util.List;

/**
 * What {@link dev.cairn.runtime.Checks#integrity()} checks on each database: SQLite's own two
 * consistency pragmas; on PostgreSQL, which checks every row against its constraints as it is
 * written, what a migration can leave unchecked: constraints added {@code NOT VALID} and indexes
 * a failed {@code CREATE INDEX CONCURRENTLY} left invalid.
 */
final class Integrity {

    /** One query whose rows are problems, each shown as a {@link #row} template of its columns. */
    record Probe(String name, String expected, String sql, RowText row) {
    }

    /** A problem row as a sentence; {@code null} for a row that reports no problem. */
    @FunctionalInterface
    interface RowText {
        String of(List<Object> columns);
    }

    private Integrity() {
    }

    /** The probes of {@code database}; refuses one for which Cairn knows none. */
    static List<Probe> probes(Database database, MigrationDescriptor migration) {
        return switch (database.kind()) {
            case SQLITE -> List.of(
                    // A sound database answers one row, "ok".
                    new Probe("no corruption (PRAGMA integrity_check)", "ok", "PRAGMA integrity_check",
                            row -> "ok".equals(row.get(0)) ? null : String.valueOf(row.get(0))),
                    // Its columns: table, rowid, parent, fkid.
                    new Probe("no dangling foreign key (PRAGMA foreign_key_check)", "no row whose foreign key points to a"
                            + " missing row", "PRAGMA foreign_key_check",
                            row -> row.get(0) + " row " + row.get(1) + " refers to a missing row of " + row.get(2)));
            case POSTGRESQL -> List.of(
                    new Probe("no constraint left NOT VALID", "every constraint of the current schema validated",
                            "SELECT c.conrelid::regclass::text, c.conname FROM pg_constraint c"
                                    + " JOIN pg_namespace n ON n.oid = c.connamespace"
                                    + " WHERE NOT c.convalidated AND n.nspname = current_schema() ORDER BY 1, 2",
                            row -> "constraint " + row.get(1) + " on " + row.get(0) + " is NOT VALID (ALTER TABLE " + row.get(0)
                                    + " VALIDATE CONSTRAINT " + row.get(1) + " checks its rows)"),
                    new Probe("no invalid index", "every index of the current schema valid",
                            "SELECT i.indexrelid::regclass::text, i.indrelid::regclass::text FROM pg_index i"
                                    + " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                                    + " WHERE NOT i.indisvalid AND n.nspname = current_schema() ORDER BY 1",
                            row -> "index " + row.get(0) + " on " + row.get(1) + " is invalid (drop it and create it again)"));
            case OTHER -> throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "Migration " + migration.displayName()
                    + " calls integrity() on " + database.productName() + ", for which Cairn knows no integrity check (it has"
                    + " them for SQLite and PostgreSQL). Write the checks that matter for it with checks.that(...) or"
                    + " checks.none(...).");
        };
    }
}
