package com.example.bad;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "1")
final class Plain {
    public void up(MigrationContext ctx) throws Exception {
        ctx.execute("SELECT 1");
    }
}
