package dev.cairn.examples.routers;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "2.1", dependsOn = "1")
final class CreateRouterEvents implements JavaMigration {
    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("CREATE TABLE router_events ("
                + "id INTEGER PRIMARY KEY, "
                + "router_id INTEGER NOT NULL REFERENCES routers (id), "
                + "kind TEXT NOT NULL, "
                + "happened_at TEXT NOT NULL)");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("DROP TABLE router_events");
    }
}
