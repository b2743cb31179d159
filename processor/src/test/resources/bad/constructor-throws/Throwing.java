package com.example.bad;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "1")
final class Throwing implements JavaMigration {
    private final String ddl;

    Throwing() throws java.io.IOException {
        ddl = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("ddl.sql")));
    }

    @Override
    public void up(MigrationContext ctx) throws Exception {
        ctx.execute(ddl);
    }

    @Override
    public void down(MigrationContext ctx) throws Exception {
        ctx.execute("SELECT 1");
    }
}
