package com.example.bad;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;

@Migration(version = "1")
final class NoImport implements JavaMigration {
    @Override
    public void up(MigrationContext ctx) throws Exception {
        ctx.execute("SELECT 1");
    }

    @Override
    public void down(MigrationContext ctx) throws Exception {
        ctx.execute("SELECT 1");
    }
}
