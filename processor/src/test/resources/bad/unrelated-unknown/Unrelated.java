package com.example.bad;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "7", dependsOn = "42")
final class Unrelated implements JavaMigration {
    @Override
    public void up(MigrationContext ctx) throws Exception {
        ctx.execute("SELECT 1");
    }

    @Override
    public void down(MigrationContext ctx) throws Exception {
        ctx.execute("SELECT 1");
    }
}
