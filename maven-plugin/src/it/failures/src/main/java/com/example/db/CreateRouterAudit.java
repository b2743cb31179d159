package com.example.db;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "2", dependsOn = "1", description = "Create router audit")
public final class CreateRouterAudit implements JavaMigration {
    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("CREATE TABLE router_audit (router_id INTEGER NOT NULL REFERENCES routers (id), note TEXT)");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("DROP TABLE router_audit");
    }
}
