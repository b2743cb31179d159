package com.example.shapes;

import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** A rollback shared through a default method. */
interface DropsItsTable extends JavaMigration {
    String table();

    @Override
    default void down(MigrationContext ctx) throws Exception {
        ctx.execute("DROP TABLE " + table());
    }
}
