package com.example.pub;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** Public, so a registry in another package can create it. */
@Migration(version = "1")
public final class CreateAccounts implements JavaMigration {
    @Override
    public void up(MigrationContext ctx) throws Exception {
        ctx.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY)");
    }

    @Override
    public void down(MigrationContext ctx) throws Exception {
        ctx.execute("DROP TABLE accounts");
    }
}
