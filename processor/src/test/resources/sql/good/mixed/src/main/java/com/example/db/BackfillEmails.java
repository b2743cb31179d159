package com.example.db;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** A class that depends on an SQL file, and that a later SQL file depends on. */
@Migration(version = "3", dependsOn = "2.1", description = "Backfill e-mail addresses")
final class BackfillEmails implements JavaMigration {
    @Override
    public void up(MigrationContext ctx) throws Exception {
        ctx.execute("UPDATE users SET email = name || '@example.com' WHERE email IS NULL");
    }

    @Override
    public void down(MigrationContext ctx) throws Exception {
        ctx.execute("UPDATE users SET email = NULL");
    }
}
