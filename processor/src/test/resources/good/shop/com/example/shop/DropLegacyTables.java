package com.example.shop;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "4", dependsOn = "3", reversible = false, description = "Drop the legacy tables")
final class DropLegacyTables implements JavaMigration {
    @Override
    public void up(MigrationContext ctx) throws Exception {
        ctx.execute("DROP TABLE IF EXISTS legacy_orders");
    }
}
