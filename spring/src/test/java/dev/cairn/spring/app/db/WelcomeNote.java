package dev.cairn.spring.app.db;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "2", dependsOn = "1", description = "Welcome note")
public final class WelcomeNote implements JavaMigration {

    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("INSERT INTO notes (id, body) VALUES (1, 'welcome')");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("DELETE FROM notes WHERE id = 1");
    }
}
