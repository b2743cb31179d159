package dev.cairn.examples.secondbrain;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** The seed's {@code add_user_preferences_001}: "Creates table for storing user preferences", its DDL as written. */
@Migration(version = "3", description = "Add user preferences table")
final class AddUserPreferencesTable implements JavaMigration {

    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("CREATE TABLE user_preferences ("
                + "id UUID PRIMARY KEY DEFAULT gen_random_uuid(), "
                + "user_id UUID NOT NULL, "
                + "theme VARCHAR(50) DEFAULT 'gruvbox_light', "
                + "notifications_enabled BOOLEAN DEFAULT true, "
                + "created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, "
                + "updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
        db.execute("CREATE INDEX idx_user_preferences_user_id ON user_preferences(user_id)");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        // The seed's IF EXISTS is left out: the table is this migration's, so a missing one is an error worth seeing.
        db.execute("DROP TABLE user_preferences");
    }
}
