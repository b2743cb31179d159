package dev.cairn.examples.secondbrain;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** Second Brain's memories as the system held them before release 2.6.0: text and free-form JSON metadata. */
@Migration(version = "1", description = "Create memories table")
final class CreateMemoriesTable implements JavaMigration {

    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("CREATE TABLE memories ("
                + "id UUID PRIMARY KEY DEFAULT gen_random_uuid(), "
                + "content TEXT NOT NULL, "
                + "metadata JSONB NOT NULL DEFAULT '{}'::jsonb, "
                + "created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, "
                + "updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
        db.execute("CREATE INDEX idx_memories_created_at ON memories(created_at)");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("DROP TABLE memories");
    }
}
