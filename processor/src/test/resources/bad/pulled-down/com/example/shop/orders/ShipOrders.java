package com.example.shop.orders;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** Package-private in the subpackage, unlike CreateOrders beside it: the one mistake. */
@Migration(version = "5", dependsOn = "4")
final class ShipOrders implements JavaMigration {
    @Override
    public void up(MigrationContext ctx) throws Exception {
        ctx.execute("ALTER TABLE orders ADD COLUMN shipped_on TEXT");
    }

    @Override
    public void down(MigrationContext ctx) throws Exception {
        ctx.execute("ALTER TABLE orders DROP COLUMN shipped_on");
    }
}
