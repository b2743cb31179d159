package dev.cairn.examples.secondbrain;

import dev.cairn.Migration;
import dev.cairn.runtime.Checks;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/**
 * The seed's {@code classify_memory_types_001}: gives every memory a type, read from its content
 * by fixed rules, first match wins: a how-to or numbered steps is {@code procedural}, an event
 * placed in time is {@code episodic}, anything else (a fact, an idea) is {@code semantic}.
 *
 * <p>One transaction, not a {@code DataMigration}: the column and its values come together or
 * not at all (a data migration changes rows, never the schema), and one {@code UPDATE} in the
 * database classifies the seed's volumes in well under a second.
 */
@Migration(version = "2", dependsOn = "1", description = "Classify memory types")
final class ClassifyMemoryTypes implements JavaMigration {

    /** A memory_type added by hand may hold types of its own, which this migration would overwrite. */
    @Override
    public void preconditions(Checks checks) throws Exception {
        checks.columnMissing("memories", "memory_type");
    }

    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("ALTER TABLE memories ADD COLUMN memory_type VARCHAR(50)");
        // ~* is PostgreSQL's case-insensitive regular expression match; \m and \M are word boundaries.
        db.execute("UPDATE memories SET memory_type = CASE"
                + " WHEN content ~* '^\\s*how to\\M' OR content ~* '\\mstep [0-9]+\\M' THEN 'procedural'"
                + " WHEN content ~* '\\m(today|yesterday|tonight|this morning|last (night|week|month|year)|on (monday|tuesday"
                + "|wednesday|thursday|friday|saturday|sunday))\\M' THEN 'episodic'"
                + " ELSE 'semantic' END");
        db.execute("ALTER TABLE memories ALTER COLUMN memory_type SET NOT NULL");
        db.execute("CREATE INDEX idx_memories_memory_type ON memories(memory_type)");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("DROP INDEX idx_memories_memory_type");
        db.execute("ALTER TABLE memories DROP COLUMN memory_type");
    }
}
