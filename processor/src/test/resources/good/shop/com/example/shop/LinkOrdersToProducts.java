package com.example.shop;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "3", dependsOn = {"2", "2.1"})
final class LinkOrdersToProducts implements JavaMigration {
    @Override
    public void up(MigrationContext ctx) throws Exception {
        ctx.execute("CREATE TABLE order_lines (order_id INTEGER NOT NULL, product_id INTEGER NOT NULL)");
    }

    @Override
    public void down(MigrationContext ctx) throws Exception {
        ctx.execute("DROP TABLE order_lines");
    }
}
