package dev.cairn.examples.routers;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "2", dependsOn = "1", description = "Seed the edge routers")
final class SeedRouters implements JavaMigration {
    private static final String[][] ROUTERS = {
        {"1", "edge-paris", "{\"timeout_seconds\": 120, \"region\": \"eu-west\"}"},
        {"2", "edge-frankfurt", "{\"timeout_seconds\": 90, \"region\": \"eu-central\"}"},
        {"3", "edge-virginia", "{\"region\": \"us-east\"}"},
    };

    @Override
    public void up(MigrationContext db) throws Exception {
        for (String[] router : ROUTERS) {
            db.execute("INSERT INTO routers (id, name, metadata) VALUES (?, ?, ?)",
                    Integer.parseInt(router[0]), router[1], router[2]);
        }
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        for (String[] router : ROUTERS) {
            db.execute("DELETE FROM routers WHERE id = ?", Integer.parseInt(router[0]));
        }
    }
}
