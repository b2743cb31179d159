package dev.cairn.examples.agentdb;

import dev.cairn.Migration;
import dev.cairn.runtime.Checks;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** Seed 001's procedure 2, column addition: planners get a conversation context, empty at first. */
@Migration(version = "4", dependsOn = "2", description = "Add conversation_context to planners")
final class AddConversationContext implements JavaMigration {

    @Override
    public void preconditions(Checks checks) throws Exception {
        checks.columnMissing("planners", "conversation_context");
    }

    @Override
    public void postconditions(Checks checks) throws Exception {
        checks.columnExists("planners", "conversation_context");
    }

    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("ALTER TABLE planners ADD COLUMN conversation_context TEXT DEFAULT NULL");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("ALTER TABLE planners DROP COLUMN conversation_context");
    }
}
