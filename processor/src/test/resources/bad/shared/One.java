package com.example.bad;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** Migration 1, shared by the scenarios that need a first migration to depend on. */
@Migration(version = "1")
final class One implements JavaMigration {
    @Override
    public void up(MigrationContext ctx) throws Exception {
        ctx.execute("SELECT 1");
    }

    @Override
    public void down(MigrationContext ctx) throws Exception {
        ctx.execute("SELECT 1");
    }
}
