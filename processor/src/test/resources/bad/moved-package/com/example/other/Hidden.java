package com.example.other;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "4", dependsOn = "3")
/** Package-private in a package of its own: the one mistake. */
final class Hidden implements JavaMigration {
    @Override
    public void up(MigrationContext ctx) throws Exception {
        ctx.execute("CREATE TABLE hidden (id INTEGER)");
    }

    @Override
    public void down(MigrationContext ctx) throws Exception {
        ctx.execute("DROP TABLE hidden");
    }
}
