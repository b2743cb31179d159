package dev.cairn.examples.routers;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "1", description = "Create the routers table")
final class CreateRouters implements JavaMigration {
    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("CREATE TABLE routers ("
                + "id INTEGER PRIMARY KEY, "
                + "name TEXT NOT NULL UNIQUE, "
                + "metadata TEXT NOT NULL DEFAULT '{}')");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("DROP TABLE routers");
    }
}
