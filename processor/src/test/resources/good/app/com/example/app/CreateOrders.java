package com.example.app;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "2", dependsOn = "1")
final class CreateOrders implements JavaMigration {
    @Override
    public void up(MigrationContext ctx) throws Exception {
        ctx.execute("CREATE TABLE orders (id INTEGER)");
    }

    @Override
    public void down(MigrationContext ctx) throws Exception {
        ctx.execute("DROP TABLE orders");
    }
}
