package dev.cairn.spring.app.db;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "1", description = "Create notes")
public final class CreateNotes implements JavaMigration {

    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("DROP TABLE notes");
    }
}
