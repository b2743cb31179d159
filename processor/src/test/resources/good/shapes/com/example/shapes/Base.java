package com.example.shapes;

import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** Migrations that share their rollback inherit it. */
abstract class Base implements JavaMigration {
    @Override
    public void down(MigrationContext ctx) throws Exception {
        ctx.execute("DROP TABLE " + table());
    }

    abstract String table();
}
