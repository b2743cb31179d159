package com.example.bad;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "3", description = "Add a column")
final class NoDown implements JavaMigration {
    @Override
    public void up(MigrationContext ctx) throws Exception {
        ctx.execute("ALTER TABLE t ADD COLUMN c INTEGER");
    }
}
