package com.example.bad;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "1")
final class NeedsArgument implements JavaMigration {
    private final String table;

    NeedsArgument(String table) {
        this.table = table;
    }

    @Override
    public void up(MigrationContext ctx) throws Exception {
        ctx.execute("DROP TABLE " + table);
    }

    @Override
    public void down(MigrationContext ctx) throws Exception {
        ctx.execute("SELECT 1");
    }
}
