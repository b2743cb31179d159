package dev.cairn.examples.routers;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "4", dependsOn = {"2.1", "3"}, description = "Index router events by router")
final class IndexEventsByRouter implements JavaMigration {
    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("CREATE INDEX router_events_by_router ON router_events (router_id, happened_at)");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("DROP INDEX router_events_by_router");
    }
}
