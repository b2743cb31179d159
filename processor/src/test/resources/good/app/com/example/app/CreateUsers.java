package com.example.app;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "1")
final class CreateUsers implements JavaMigration {
    @Override
    public void up(MigrationContext ctx) throws Exception {
        ctx.execute("CREATE TABLE users (id INTEGER)");
    }

    @Override
    public void down(MigrationContext ctx) throws Exception {
        ctx.execute("DROP TABLE users");
    }
}
