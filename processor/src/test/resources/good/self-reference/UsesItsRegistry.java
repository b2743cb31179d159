package com.example.self;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** Mentions the registry in a helper's signature: the registry must still be generated. */
@Migration(version = "1")
final class UsesItsRegistry implements JavaMigration {
    @Override
    public void up(MigrationContext ctx) throws Exception {
        ctx.execute("CREATE TABLE t (id INTEGER)");
    }

    @Override
    public void down(MigrationContext ctx) throws Exception {
        ctx.execute("DROP TABLE t");
    }

    static MigrationRegistry registry() {
        return new MigrationRegistry();
    }
}
